import type { FieldErrors, FormValues } from '../domain/sign-form.js'
import { MessagePage } from './pages.js'
import type { PageContext } from './page-context.js'
import { SignForm } from './sign-form.js'
import { Layout } from './layout.js'
import { DataDownload, WithdrawSection } from './parts.js'
import type { Receipt } from '../domain/transparency/receipt.js'
import { ReceiptBox } from './transparency-page.js'

export function ManageRequestPage(props: {
  p: PageContext
  email?: string
  error?: 'required' | 'email_invalid'
  /** Why the form is shown again (nothing saved: storage failed). */
  notice?: string
}) {
  const { p } = props
  const m = p.m.manage
  return (
    <MessagePage p={p} title={m.requestTitle}>
      {props.notice ? (
        <p class="error-summary" role="alert">
          {props.notice}
        </p>
      ) : null}
      <p>{m.requestIntro({ hours: p.site.manageLinkHours })}</p>
      {p.site.organisationKinds.length > 0 ? <p>{p.m.organisations.manageRequestNote}</p> : null}
      <form method="post" action={p.href('/manage')} novalidate>
        <div class={`field${props.error ? ' has-error' : ''}`}>
          <label for="field-email">{p.m.sign.email}</label>
          {props.error ? (
            <p class="field-error" id="error-email">
              {p.m.fieldError[props.error]}
            </p>
          ) : null}
          <input
            type="email"
            id="field-email"
            name="email"
            value={props.email ?? ''}
            maxlength={254}
            autocomplete="email"
            required
            autofocus={props.error ? true : undefined}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'error-email' : undefined}
          />
        </div>
        <button type="submit">{m.requestButton}</button>
      </form>
    </MessagePage>
  )
}

export function ManagePage(props: {
  p: PageContext
  values: FormValues
  errors?: FieldErrors
  action: string
  withdrawAction: string
  /** Where the signatory downloads their data (JSON). */
  dataHref: string
  csrf: string
  askEmailForUpdates: boolean
  pending: boolean
  saved: boolean
  /** The signature's entry in the public log, while it is counted. */
  receipt?: { receipt: Receipt; siteUrl: string }
  notice?: string
}) {
  const { p } = props
  const m = p.m.manage
  return (
    <Layout p={p} title={m.title}>
      {props.saved ? (
        <p class="notice" role="status">
          {m.saved}
        </p>
      ) : null}
      {props.pending ? <p class="notice">{m.pendingNote}</p> : null}
      <SignForm
        p={p}
        values={props.values}
        errors={props.errors}
        notice={props.notice}
        headingLevel={1}
        manage={{ action: props.action, csrf: props.csrf, askEmailForUpdates: props.askEmailForUpdates }}
      />
      <DataDownload
        title={p.m.admin.downloadData}
        hint={p.m.admin.downloadDataHint}
        href={props.dataHref}
        file="my-signature.json"
        link={p.m.admin.downloadData}
      />
      {props.receipt ? <ReceiptBox p={p} {...props.receipt} /> : null}
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
