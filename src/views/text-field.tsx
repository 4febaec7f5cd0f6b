// A one-line text field as every form of the site lays it out: its label (with the
// mark of a required field), its hint, its error, then the input, which names the hint
// and the error as its description so that a screen reader says them with it.

/** The ids of a form field's input, hint and error, from its name: "contact_name" is "field-contact-name". */
export const fieldId = (name: string) => `field-${name.replace('_', '-')}`
export const hintId = (name: string) => `hint-${name.replace('_', '-')}`
export const errorId = (name: string) => `error-${name.replace('_', '-')}`

export interface TextFieldProps {
  id: string
  name: string
  label: string
  value: string
  max: number
  required: boolean
  /** The title of the required mark («obligatoire»). */
  requiredTitle: string
  type?: string
  autocomplete?: string
  /** The id of a <datalist> of suggestions. */
  list?: string
  hint?: { id: string; text: string }
  error?: { id: string; text: string }
}

export function TextField(f: TextFieldProps) {
  return (
    <div class={`field${f.error ? ' has-error' : ''}`}>
      <label for={f.id}>
        {f.label}{' '}
        {f.required ? (
          <abbr class="req" title={f.requiredTitle}>
            *
          </abbr>
        ) : null}
      </label>
      {f.hint ? (
        <p class="hint" id={f.hint.id}>
          {f.hint.text}
        </p>
      ) : null}
      {f.error ? (
        <p class="field-error" id={f.error.id}>
          {f.error.text}
        </p>
      ) : null}
      <input
        type={f.type ?? 'text'}
        id={f.id}
        name={f.name}
        value={f.value}
        maxlength={f.max}
        autocomplete={f.autocomplete}
        list={f.list}
        required={f.required}
        aria-invalid={f.error ? 'true' : undefined}
        aria-describedby={[f.hint?.id, f.error?.id].filter(Boolean).join(' ') || undefined}
      />
    </div>
  )
}
