// The pages of organisations that sign in their own name: their public list, their
// form (which edits them too, from the manage link), the page behind the confirmation
// link and the manage page. Who signs for an organisation is asked here and shown only
// to its contact and to moderators.
import type { FieldErrorKey } from '../domain/sign-form.js'
import {
  CONTACT_NAME_MAX,
  CONTACT_ROLE_MAX,
  isOrganisationAwaiting,
  isOrganisationListed,
  MANDATE_MAX,
  ORGANISATION_NAME_MAX,
  organisationKindLabel,
  URL_MAX,
  type ListedOrganisation,
  type OrganisationErrors,
  type OrganisationField,
  type OrganisationSubmission,
  type OrganisationValues,
} from '../domain/organisations.js'
import type { Organisation } from '../db/schema.js'
import { Layout } from './layout.js'
import { errorId, fieldId, hintId, TextField } from './text-field.js'
import type { PageContext } from './page-context.js'
import { DataDownload, LinkWithin, WithdrawSection } from './parts.js'
import { MessagePage } from './pages.js'

/** The listed organisations under their kind's plural, in the order of site.toml. */
export function OrganisationsPage(props: { p: PageContext; items: ListedOrganisation[] }) {
  const { p, items } = props
  const m = p.m.organisations
  const groups = p.site.organisationKinds
    .map((kind) => ({ kind, items: items.filter((o) => o.kind === kind.key) }))
    .filter((g) => g.items.length > 0)
  // A kind taken out of site.toml after it was used: its organisations stay listed, last.
  const known = new Set(p.site.organisationKinds.map((k) => k.key))
  const others = items.filter((o) => !known.has(o.kind))
  return (
    <Layout p={p} title={m.title} description={m.intro({ title: p.site.title[p.locale]! })}>
      <h1>{m.title}</h1>
      <p>{m.intro({ title: p.site.title[p.locale]! })}</p>
      <p class="count">
        <strong>{m.count({ n: items.length })}</strong>
      </p>
      {p.signingOpen && p.site.organisationKinds.length > 0 ? (
        <p>
          {m.signCall} <a href={p.href('/organisations/sign')}>{m.signLink}</a>
        </p>
      ) : null}
      {groups.map((g) => (
        <section aria-labelledby={`kind-${g.kind.key}`}>
          <h2 id={`kind-${g.kind.key}`}>{g.kind.plurals[p.locale]}</h2>
          <OrganisationList items={g.items} />
        </section>
      ))}
      {others.length > 0 ? <OrganisationList items={others} /> : null}
    </Layout>
  )
}

function OrganisationList({ items }: { items: ListedOrganisation[] }) {
  return (
    <ul class="organisations">
      {items.map((o) => (
        <li>
          {/* A link to another site: nothing of this one is sent with it. */}
          {o.url ? (
            <a href={o.url} rel="nofollow noopener noreferrer">
              {o.name}
            </a>
          ) : (
            o.name
          )}
        </li>
      ))}
    </ul>
  )
}

/** The fields in the order of the form, as the error summary lists them. */
const ORDER: OrganisationField[] = [
  'name',
  'kind',
  'url',
  'contact_name',
  'contact_role',
  'mandate',
  'email',
  'consent',
]

export interface OrganisationFormProps {
  p: PageContext
  values?: OrganisationValues
  errors?: OrganisationErrors
  /** With the email_typo error: the address the contact probably meant, offered, never applied. */
  emailSuggestion?: string
  /** A message about the whole form (sent too fast, nothing saved), shown above it. */
  notice?: string
  /** Set when the form edits an organisation's signature from its manage link. */
  manage?: { action: string; csrf: string }
  /** What the manage page says first, under its heading: saved, where the signature stands. */
  status?: { text: string; live?: boolean }[]
}

/** The organisations' form: to sign at /organisations/sign, to edit from the manage link. */
export function OrganisationForm(props: OrganisationFormProps) {
  const { p, values = {}, errors = {}, manage } = props
  const m = p.m.organisations
  const labels: Record<OrganisationField, string> = {
    name: m.name,
    kind: m.kind,
    url: m.url,
    contact_name: m.contactName,
    contact_role: m.contactRole,
    mandate: m.mandate,
    email: m.email,
    consent: m.consent,
    fax: '',
    form_ts: '',
    email_typo_ok: '',
  }
  const errorFields = ORDER.filter((f) => errors[f])
  // The summary names a field shortly: «Décision de l'organisation : trop long», not its question.
  const summaryLabels = { ...labels, mandate: m.mandateShort }
  const errorText = (f: OrganisationField) =>
    f === 'consent' && errors[f] === 'consent_required'
      ? m.consentRequired
      : p.m.fieldError[errors[f] as FieldErrorKey]
  const describedBy = (name: OrganisationField, hint: boolean) =>
    [hint ? hintId(name) : '', errors[name] ? errorId(name) : ''].filter(Boolean).join(' ') || undefined
  const ErrorText = ({ name }: { name: OrganisationField }) =>
    errors[name] ? (
      <p class="field-error" id={errorId(name)}>
        {errorText(name)}
      </p>
    ) : null
  const Req = () => (
    <abbr class="req" title={p.m.sign.required}>
      *
    </abbr>
  )
  const Text = (f: {
    name: OrganisationField
    max: number
    req: boolean
    hint?: string
    type?: string
    autocomplete?: string
  }) => (
    <TextField
      id={fieldId(f.name)}
      name={f.name}
      label={labels[f.name]}
      value={values[f.name] ?? ''}
      max={f.max}
      required={f.req}
      requiredTitle={p.m.sign.required}
      type={f.type}
      autocomplete={f.autocomplete}
      hint={f.hint ? { id: hintId(f.name), text: f.hint } : undefined}
      error={errors[f.name] ? { id: errorId(f.name), text: errorText(f.name) } : undefined}
    />
  )
  return (
    <section class="sign" aria-labelledby="organisation-form-title">
      <h1 id="organisation-form-title">{manage ? m.manageTitle : m.signTitle}</h1>
      {props.status?.map((s) => (
        <p class="notice" role={s.live ? 'status' : undefined}>
          {s.text}
        </p>
      ))}
      {errorFields.length > 0 ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary" autofocus>
          <h2>{p.m.sign.errorSummary({ n: errorFields.length })}</h2>
          <ul>
            {errorFields.map((f) => (
              <li>
                <a href={`#${fieldId(f)}`}>
                  {f === 'consent'
                    ? errorText(f)
                    : p.m.sign.summaryItem({ label: summaryLabels[f], error: errorText(f) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.notice ? (
        <p class="error-summary" role="alert">
          {props.notice}
        </p>
      ) : null}
      {manage ? (
        <p>{m.manageIntro}</p>
      ) : (
        <p>
          <LinkWithin
            text={m.signIntro({ title: p.site.title[p.locale]! })}
            phrase={m.personalLink}
            href={p.href('/sign')}
          />
        </p>
      )}
      <p class="hint">{p.m.sign.requiredNote}</p>
      <form method="post" action={manage ? manage.action : p.href('/organisations/sign')} novalidate>
        {manage ? (
          <input type="hidden" name="csrf" value={manage.csrf} />
        ) : (
          <input type="hidden" name="form_ts" value={p.formStamp} />
        )}
        <Text name="name" max={ORGANISATION_NAME_MAX} req hint={m.nameHint} autocomplete="organization" />
        <div class={`field${errors.kind ? ' has-error' : ''}`}>
          <label for={fieldId('kind')}>
            {m.kind} <Req />
          </label>
          <ErrorText name="kind" />
          <select
            id={fieldId('kind')}
            name="kind"
            required
            aria-invalid={errors.kind ? 'true' : undefined}
            aria-describedby={describedBy('kind', false)}
          >
            <option value="">{m.kindChoose}</option>
            {p.site.organisationKinds.map((k) => (
              <option value={k.key} selected={values.kind === k.key}>
                {k.labels[p.locale]}
              </option>
            ))}
          </select>
        </div>
        <Text name="url" type="url" max={URL_MAX} req={false} hint={m.urlHint} autocomplete="url" />
        <fieldset class="contact">
          <legend>{m.contactLegend}</legend>
          <p class="hint">{m.contactNote}</p>
          <Text name="contact_name" max={CONTACT_NAME_MAX} req autocomplete="name" />
          <Text
            name="contact_role"
            max={CONTACT_ROLE_MAX}
            req={false}
            hint={m.contactRoleHint}
            autocomplete="organization-title"
          />
          <div class={`field${errors.mandate ? ' has-error' : ''}`}>
            <label for={fieldId('mandate')}>{m.mandate}</label>
            <p class="hint" id={hintId('mandate')}>
              {m.mandateHint}
            </p>
            <ErrorText name="mandate" />
            <textarea
              id={fieldId('mandate')}
              name="mandate"
              rows={3}
              maxlength={MANDATE_MAX}
              aria-invalid={errors.mandate ? 'true' : undefined}
              aria-describedby={describedBy('mandate', true)}
            >
              {values.mandate ?? ''}
            </textarea>
          </div>
          {manage ? null : (
            <Text name="email" type="email" max={254} req hint={m.emailHint} autocomplete="email" />
          )}
          {!manage && props.emailSuggestion && errors.email === 'email_typo' ? (
            <div class="hint" id="email-suggestion">
              <p>
                {p.m.abuse.didYouMean} <strong>{props.emailSuggestion}</strong>
              </p>
              <p>{p.m.abuse.keepAddress}</p>
              <input type="hidden" name="email_typo_ok" value={values.email ?? ''} />
            </div>
          ) : null}
        </fieldset>
        {manage ? (
          <button type="submit">{m.save}</button>
        ) : (
          <>
            <div class={`check${errors.consent ? ' has-error' : ''}`}>
              <ErrorText name="consent" />
              <input
                type="checkbox"
                id={fieldId('consent')}
                name="consent"
                value="1"
                required
                checked={values.consent === '1'}
                aria-invalid={errors.consent ? 'true' : undefined}
                aria-describedby={describedBy('consent', false)}
              />
              <label for={fieldId('consent')}>
                {m.consent} <Req />
              </label>
              <p class="hint">
                <a href={p.href(`/${p.m.privacy.slug}`)}>{p.m.sign.consentMore}</a>
              </p>
            </div>
            <div class="hp" aria-hidden="true">
              <label for="field-fax">{p.m.sign.honeypot}</label>
              <input type="text" id="field-fax" name="fax" value="" tabindex={-1} autocomplete="off" />
            </div>
            <button type="submit">{m.submit}</button>
          </>
        )}
      </form>
    </section>
  )
}

export function OrganisationSignPage(props: Omit<OrganisationFormProps, 'manage'>) {
  const m = props.p.m.organisations
  return (
    <Layout p={props.p} title={m.signTitle} description={m.signTitle}>
      <OrganisationForm {...props} />
    </Layout>
  )
}

/** Behind the mailed link: what the link confirms, then one button (mail scanners open links, not forms). */
export function OrganisationConfirmPage(props: {
  p: PageContext
  submission: OrganisationSubmission
  domain: string
  action: string
  csrf: string
}) {
  const { p } = props
  const m = p.m.organisations
  const s = props.submission.profile
  const rows: [string, string][] = [
    [m.name, s.name],
    [m.kind, organisationKindLabel(p.site, s.kind, p.locale)],
    [m.url, s.url || m.notGiven],
    [m.contactName, s.contactName],
    [m.contactRole, s.contactRole || m.notGivenFeminine],
    [m.mandate, s.mandate || m.notGiven],
    [m.address, `…@${props.domain}`],
  ]
  return (
    <MessagePage p={p} title={m.confirmTitle} noindex>
      <p>{m.confirmLead}</p>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <p>
        {m.notMine} <a href={p.href('/organisations/sign')}>{m.sendAgain}</a>.
      </p>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button type="submit">{m.confirmButton}</button>
      </form>
    </MessagePage>
  )
}

/** Where the organisation's signature stands, as its manage page says it. */
function stateOf(
  p: PageContext,
  o: Pick<Organisation, 'status' | 'approved_at' | 'hidden_at' | 'proposed' | 'name'>,
): string {
  const m = p.m.organisations
  if (o.status === 'pending') return m.statePending
  if (o.hidden_at !== null) return m.stateHidden
  if (isOrganisationAwaiting(o)) return m.stateAwaiting
  if (o.proposed !== null) return m.stateProposed({ name: o.name })
  return isOrganisationListed(o) ? m.stateListed : m.stateAwaiting
}

export function OrganisationManagePage(props: {
  p: PageContext
  organisation?: Pick<Organisation, 'status' | 'approved_at' | 'hidden_at' | 'proposed' | 'name'>
  values: OrganisationValues
  errors?: OrganisationErrors
  notice?: string
  /** Just saved; 'review': the claim changed and waits for a moderator again. */
  saved?: 'saved' | 'review'
  action: string
  withdrawAction: string
  dataHref: string
  csrf: string
}) {
  const { p } = props
  const m = p.m.organisations
  const o = props.organisation
  return (
    <Layout p={p} title={m.manageTitle} noindex>
      <OrganisationForm
        p={p}
        values={props.values}
        errors={props.errors}
        notice={props.notice}
        manage={{ action: props.action, csrf: props.csrf }}
        status={[
          ...(props.saved
            ? [{ text: props.saved === 'review' ? m.savedAwaiting : m.saved, live: true }]
            : []),
          ...(o ? [{ text: stateOf(p, o) }] : []),
          ...(o?.hidden_at ? [{ text: m.stateHiddenNext }] : []),
        ]}
      />
      <DataDownload
        title={m.dataTitle}
        hint={m.dataHint}
        href={props.dataHref}
        file="organisation-signature.json"
        link={m.dataLink}
      />
      <WithdrawSection
        title={m.withdrawTitle}
        body={m.withdrawBody}
        button={m.withdrawButton}
        action={props.withdrawAction}
        csrf={props.csrf}
      />
    </Layout>
  )
}
