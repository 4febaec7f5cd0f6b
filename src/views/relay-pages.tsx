// Pages of the debate relay: confirm and send, sent, limited, and stop receiving.
import { MessagePage } from './pages.js'
import type { PageContext } from './page-context.js'

export function RelaySentPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.debate.sentTitle}>
      <p>{p.m.debate.sentBody}</p>
    </MessagePage>
  )
}

/** `recipients` is null when they are fewer than the minimum group size: their number is not said. */
export function RelayConfirmPage(props: {
  p: PageContext
  institution: string
  recipients: number | null
  message: string
  action: string
  csrf: string
}) {
  const { p } = props
  const m = p.m.debate
  return (
    <MessagePage p={p} title={m.confirmTitle}>
      <p>{m.confirmLead({ institution: props.institution, n: props.recipients })}</p>
      <blockquote>
        {props.message.split('\n\n').map((para) => (
          <p>{para}</p>
        ))}
      </blockquote>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button type="submit">{m.confirmButton}</button>
      </form>
    </MessagePage>
  )
}

/** `recipients` is undefined when they were fewer than the minimum group size: a sender learns no more. */
export function RelayDonePage({ p, recipients }: { p: PageContext; recipients: number | undefined }) {
  return (
    <MessagePage p={p} title={p.m.debate.doneTitle}>
      <p>
        {recipients === undefined
          ? p.m.debate.doneFew({ k: p.site.minGroupSize })
          : p.m.debate.doneBody({ n: recipients })}
      </p>
    </MessagePage>
  )
}

export function RelayLimitedPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.debate.limitedTitle}>
      <p>{p.m.debate.limitedBody}</p>
    </MessagePage>
  )
}

export function RelayInvalidPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.debate.invalidTitle}>
      <p>{p.m.debate.invalidBody}</p>
      <p>
        <a href={p.href('/institutions')}>{p.m.institutions.all}</a>
      </p>
    </MessagePage>
  )
}

export function DebateStopPage({ p, action }: { p: PageContext; action: string }) {
  return (
    <MessagePage p={p} title={p.m.debate.stopTitle}>
      <p>{p.m.debate.stopLead}</p>
      <form method="post" action={action}>
        <button type="submit">{p.m.debate.stopButton}</button>
      </form>
    </MessagePage>
  )
}

export function DebateStoppedPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.debate.stoppedTitle}>
      <p>{p.m.debate.stoppedBody}</p>
    </MessagePage>
  )
}
