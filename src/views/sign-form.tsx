// The sign form, shown on the home page and alone at /sign (where it comes back
// with every value kept and each error beside its field when input is invalid).
import type { RequirableField } from '../config.js'
import { DISPLAYS } from '../domain/display.js'
import type { FieldErrors, FormValues, SignField } from '../domain/sign-form.js'
import { NAME_MAX, INSTITUTION_MAX, DISCIPLINE_MAX, TITLE_MAX, UNIT_MAX } from '../domain/sign-form.js'
import type { PageContext } from './page-context.js'
import { categoryLabel as categoryLabelOf, LinkWithin } from './parts.js'
import { errorId, fieldId, hintId, TextField } from './text-field.js'

export interface SignFormProps {
  p: PageContext
  values?: FormValues
  errors?: FieldErrors
  /** With the email_typo error: the address the signatory probably meant, offered, never applied. */
  emailSuggestion?: string
  /** A message about the whole form (sent too fast), shown above it. */
  notice?: string
  /** Heading level: the form is a section of the home page, the main heading of /sign. */
  headingLevel?: 1 | 2
  /**
   * Title suggestions of every category while the category is unknown (/sign), or only
   * the chosen category's: the home page, whose weight is the text's, offers none
   * until a category is known rather than a list of every grade of every category.
   */
  suggestEveryTitle?: boolean
  /** Set when the form edits an existing signature from its manage link. */
  manage?: {
    action: string
    csrf: string
    /** The clear address is not kept (neither news nor the debate relay asked for it): asking for news needs it typed again. */
    askEmailForUpdates: boolean
  }
}

/** The ordered fields, as the error summary lists them. */
const ORDER: SignField[] = [
  'first_name',
  'last_name',
  'email',
  'category',
  'institution',
  'discipline',
  'title',
  'unit',
  'comment',
  'display',
  'consent',
]

export function SignForm({
  p,
  values = {},
  errors = {},
  headingLevel = 2,
  suggestEveryTitle = true,
  manage,
  emailSuggestion,
  notice,
}: SignFormProps) {
  const m = p.m
  const errorFields = ORDER.filter((f) => errors[f])
  const labels: Record<string, string> = {
    first_name: m.sign.firstName,
    last_name: m.sign.lastName,
    email: m.sign.email,
    category: m.sign.category,
    institution: m.sign.institution,
    discipline: m.sign.discipline,
    title: m.sign.jobTitle,
    unit: m.sign.unit,
    comment: m.sign.comment,
    display: m.sign.display,
    consent: m.sign.consent,
  }
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const titles = titleSuggestions(p, values.category, suggestEveryTitle)
  const describedBy = (name: SignField, hint?: boolean) =>
    [hint ? hintId(name) : '', errors[name] ? errorId(name) : ''].filter(Boolean).join(' ') || undefined
  const ErrorText = ({ name }: { name: SignField }) =>
    errors[name] ? (
      <p class="field-error" id={errorId(name)}>
        {m.fieldError[errors[name]!]}
      </p>
    ) : null
  const required = (name: RequirableField) => p.site.requiredFields.has(name)
  const Req = () => (
    <abbr class="req" title={m.sign.required}>
      *
    </abbr>
  )
  const Text = (props: {
    name: SignField
    label: string
    max: number
    autocomplete?: string
    req: boolean
    hint?: string
    type?: string
    /** The id of a <datalist> of suggestions. */
    list?: string
  }) => (
    <TextField
      id={fieldId(props.name)}
      name={props.name}
      label={props.label}
      value={values[props.name] ?? ''}
      max={props.max}
      required={props.req}
      requiredTitle={m.sign.required}
      type={props.type}
      autocomplete={props.autocomplete}
      list={props.list}
      hint={props.hint ? { id: hintId(props.name), text: props.hint } : undefined}
      error={
        errors[props.name] ? { id: errorId(props.name), text: m.fieldError[errors[props.name]!] } : undefined
      }
    />
  )
  /** An optional yes/no: nothing is checked unless the signatory checks it. */
  const Choice = (props: {
    name: 'public' | 'updates' | 'debate' | 'publish_comment'
    label: string
    hint?: string
  }) => (
    <div class="check">
      <input
        type="checkbox"
        id={fieldId(props.name)}
        name={props.name}
        value="1"
        checked={values[props.name] === '1'}
        aria-describedby={props.hint ? `hint-${props.name}` : undefined}
      />
      <label for={fieldId(props.name)}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`hint-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )

  return (
    <section class="sign" id="sign" aria-labelledby="sign-title">
      <Heading id="sign-title">{manage ? m.manage.title : m.sign.title}</Heading>
      {errorFields.length > 0 ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary" autofocus>
          <h2>{m.sign.errorSummary({ n: errorFields.length })}</h2>
          <ul>
            {errorFields.map((f) => (
              <li>
                <a href={`#${fieldId(f)}`}>
                  {f === 'consent'
                    ? m.fieldError[errors[f]!]
                    : m.sign.summaryItem({ label: labels[f]!, error: m.fieldError[errors[f]!] })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice ? (
        <p class="error-summary" role="alert">
          {notice}
        </p>
      ) : null}
      <p>{manage ? m.manage.intro : m.sign.intro}</p>
      {!manage && p.site.organisationKinds.length > 0 ? (
        <p class="hint">
          <LinkWithin
            text={m.organisations.fromSignForm}
            phrase={m.organisations.fromSignFormLink}
            href={p.href('/organisations/sign')}
          />
        </p>
      ) : null}
      <p class="hint">{m.sign.requiredNote}</p>
      <form method="post" action={manage ? manage.action : p.href('/sign')} novalidate>
        {manage ? <input type="hidden" name="csrf" value={manage.csrf} /> : null}
        <div class="field-row">
          <Text name="first_name" label={m.sign.firstName} max={NAME_MAX} autocomplete="given-name" req />
          <Text name="last_name" label={m.sign.lastName} max={NAME_MAX} autocomplete="family-name" req />
        </div>
        {manage ? null : (
          <Text
            name="email"
            type="email"
            label={m.sign.email}
            max={254}
            autocomplete="email"
            req
            hint={m.sign.emailHint}
          />
        )}
        {!manage && emailSuggestion && errors.email === 'email_typo' ? (
          <div class="hint" id="email-suggestion">
            <p>
              {m.abuse.didYouMean} <strong>{emailSuggestion}</strong>
            </p>
            <p>{m.abuse.keepAddress}</p>
            <input type="hidden" name="email_typo_ok" value={values.email ?? ''} />
          </div>
        ) : null}
        {manage ? null : <input type="hidden" name="form_ts" value={p.formStamp} />}
        <div class={`field${errors.category ? ' has-error' : ''}`}>
          <label for={fieldId('category')}>
            {m.sign.category} <Req />
          </label>
          <ErrorText name="category" />
          <select
            id={fieldId('category')}
            name="category"
            required
            aria-invalid={errors.category ? 'true' : undefined}
            aria-describedby={describedBy('category')}
          >
            <option value="">{m.sign.categoryChoose}</option>
            {p.site.categories.map((c) => (
              <option value={c.key} selected={values.category === c.key}>
                {c.labels[p.locale]}
              </option>
            ))}
          </select>
        </div>
        <Text
          name="institution"
          label={m.sign.institution}
          max={INSTITUTION_MAX}
          autocomplete="organization"
          req={required('institution')}
          hint={m.sign.institutionHint}
        />
        <Text name="discipline" label={m.sign.discipline} max={DISCIPLINE_MAX} req={required('discipline')} />
        {p.site.formFields.has('title') ? (
          <>
            <Text
              name="title"
              label={m.sign.jobTitle}
              max={TITLE_MAX}
              autocomplete="organization-title"
              req={required('title')}
              hint={titles.length > 0 ? m.sign.jobTitleHint : m.sign.jobTitleExample}
              list={titles.length > 0 ? 'title-suggestions' : undefined}
            />
            {titles.length > 0 ? (
              <datalist id="title-suggestions">
                {titles.map((t) => (
                  <option value={t.value} label={t.label} />
                ))}
              </datalist>
            ) : null}
          </>
        ) : null}
        {p.site.formFields.has('unit') ? (
          <Text
            name="unit"
            label={m.sign.unit}
            max={UNIT_MAX}
            req={required('unit')}
            hint={m.sign.unitHint}
          />
        ) : null}
        <div class={`field${errors.comment ? ' has-error' : ''}`}>
          <label for={fieldId('comment')}>{m.sign.comment}</label>
          <p class="hint" id="hint-comment">
            {m.sign.commentHint({ max: p.site.commentMaxLength })}
          </p>
          <ErrorText name="comment" />
          <textarea
            id={fieldId('comment')}
            name="comment"
            rows={3}
            maxlength={p.site.commentMaxLength}
            aria-invalid={errors.comment ? 'true' : undefined}
            aria-describedby={describedBy('comment', true)}
          >
            {values.comment ?? ''}
          </textarea>
        </div>
        <Choice name="publish_comment" label={m.sign.publishComment} hint={m.sign.publishCommentHint} />
        <Choice name="public" label={m.sign.public} hint={m.sign.publicHint} />
        <fieldset class={`choices${errors.display ? ' has-error' : ''}`} id={fieldId('display')}>
          <legend>{m.sign.display}</legend>
          <p class="hint" id="hint-display">
            {m.sign.displayHint({ k: p.site.minGroupSize })}
          </p>
          <ErrorText name="display" />
          {/* Each radio inside its label: one element less per option than a wrapper (the home page's weight). */}
          {DISPLAYS.map((d) => (
            <label class="choice">
              <input
                type="radio"
                id={`field-display-${d}`}
                name="display"
                value={d}
                checked={(values.display || 'full') === d}
                aria-describedby="hint-display"
              />{' '}
              {d === 'full'
                ? m.sign.displayFull
                : d === 'initials'
                  ? m.sign.displayInitials
                  : m.sign.displayWithheld}
            </label>
          ))}
        </fieldset>
        <Choice name="updates" label={m.sign.updates} />
        <Choice name="debate" label={m.debate.optIn} hint={m.debate.optInHint} />
        {manage?.askEmailForUpdates ? (
          <Text
            name="email"
            type="email"
            label={m.manage.updatesEmail}
            max={254}
            autocomplete="email"
            req={false}
            hint={`${m.manage.updatesEmailHint} ${m.debate.manageEmailNote}`}
          />
        ) : null}
        {manage ? (
          <button type="submit">{m.manage.save}</button>
        ) : (
          <SignOnlyFields p={p} values={values} errors={errors} describedBy={describedBy('consent')} />
        )}
      </form>
    </section>
  )
}

/**
 * Suggestions for the title or grade, from site.toml. Without JavaScript the list
 * cannot follow the category as it is chosen: it holds the chosen category's
 * suggestions once one is known (the form shown again, the manage page), and before
 * that every category's, each labelled with its category (unless `every` is false).
 */
function titleSuggestions(
  p: PageContext,
  category: string | undefined,
  every: boolean,
): { value: string; label?: string }[] {
  const chosen = category ? p.site.titleSuggestions[category] : undefined
  if (chosen) return (chosen[p.locale] ?? []).map((value) => ({ value }))
  if (!every) return []
  const seen = new Set<string>()
  return p.site.categories.flatMap((c) =>
    (p.site.titleSuggestions[c.key]?.[p.locale] ?? [])
      .filter((t) => !seen.has(t) && seen.add(t))
      .map((value) => ({ value, label: categoryLabelOf(p, c.key) })),
  )
}

/** Consent, honeypot and submit: only when signing, not when editing. */
function SignOnlyFields(props: {
  p: PageContext
  values: FormValues
  errors: FieldErrors
  describedBy?: string
}) {
  const { p, values, errors } = props
  const m = p.m
  return (
    <>
      <div class={`check${errors.consent ? ' has-error' : ''}`}>
        {errors.consent ? (
          <p class="field-error" id={errorId('consent')}>
            {m.fieldError[errors.consent]}
          </p>
        ) : null}
        <input
          type="checkbox"
          id={fieldId('consent')}
          name="consent"
          value="1"
          required
          checked={values.consent === '1'}
          aria-invalid={errors.consent ? 'true' : undefined}
          aria-describedby={props.describedBy}
        />
        <label for={fieldId('consent')}>
          {m.sign.consent}{' '}
          <abbr class="req" title={m.sign.required}>
            *
          </abbr>
        </label>
        <p class="hint">
          <a href={p.href(`/${m.privacy.slug}`)}>{m.sign.consentMore}</a>
        </p>
      </div>
      <div class="hp" aria-hidden="true">
        <label for="field-website">{m.sign.honeypot}</label>
        <input type="text" id="field-website" name="website" value="" tabindex={-1} autocomplete="off" />
      </div>
      <button type="submit">{m.sign.submit}</button>
    </>
  )
}
