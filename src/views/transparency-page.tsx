// /transparency: what the public log guarantees and what it does not, in plain words,
// the latest checkpoint, and how to check it; and the receipt a signatory is shown.
import type { Checkpoint } from '../domain/transparency/checkpoints.js'
import type { Receipt } from '../domain/transparency/receipt.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'

export function TransparencyPage(props: {
  p: PageContext
  checkpoint?: Checkpoint
  siteUrl: string
  keyFingerprint: string
}) {
  const { p, checkpoint } = props
  const m = p.m.transparency
  return (
    <Layout p={p} title={m.title} description={m.intro}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <h2>{m.howTitle}</h2>
      <ol>
        {m.how.map((line) => (
          <li>{line}</li>
        ))}
      </ol>
      <h2>{m.guaranteeTitle}</h2>
      <p>{m.guarantee}</p>
      <h2>{m.limitsTitle}</h2>
      <p>{m.limits}</p>
      <h2>{m.latestTitle}</h2>
      {checkpoint ? (
        <>
          <p>{m.latest({ size: checkpoint.size, count: checkpoint.count, date: p.m.date(checkpoint.at) })}</p>
          <dl>
            <dt>{m.root}</dt>
            <dd>
              <code class="hash">{checkpoint.root}</code>
            </dd>
          </dl>
        </>
      ) : (
        <p>{m.noCheckpoint}</p>
      )}
      <h2>{m.verifyTitle}</h2>
      <p>{m.verifyBody}</p>
      <pre>
        <code>npm run verify -- {props.siteUrl}</code>
      </pre>
      <p>{m.verifyKeep}</p>
      <pre>
        <code>
          npm run verify -- {props.siteUrl} --save {m.keepFolder}
          {'\n'}npm run verify -- {props.siteUrl} --previous {m.keepFolder}
        </code>
      </pre>
      <p>{m.verifyOwn}</p>
      <h2>{m.dataTitle}</h2>
      <ul>
        <li>
          <a href="/transparency/key">{m.key}</a>
        </li>
        <li>
          <a href="/transparency/checkpoints">{m.checkpoints}</a>
        </li>
        <li>
          <a href="/transparency/entries?from=0&amp;to=100">{m.entries}</a>
        </li>
        <li>
          <a href={p.href('/feed.atom')}>{m.feed}</a>
        </li>
      </ul>
      <dl>
        <dt>{m.keyFingerprint}</dt>
        <dd>
          <code class="hash">{props.keyFingerprint}</code>
        </dd>
      </dl>
      <p>{m.keyFingerprintWhy}</p>
    </Layout>
  )
}

/** The receipt box of the thanks and manage pages. */
export function ReceiptBox({ p, receipt, siteUrl }: { p: PageContext; receipt: Receipt; siteUrl: string }) {
  const m = p.m.transparency
  const rows: [string, string][] = [
    [m.receiptPosition, String(receipt.position)],
    [m.receiptSignature, String(receipt.signatureId)],
    [m.receiptMinute, receipt.confirmedMinute],
    [m.receiptSalt, receipt.salt],
    [m.receiptCommitment, receipt.commitment],
  ]
  const command = `npm run verify -- ${siteUrl} --receipt ${receipt.position}:${receipt.signatureId}:${receipt.confirmedMinute}:${receipt.salt}`
  return (
    <section class="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{m.receiptTitle}</h2>
      <p>{m.receiptBody}</p>
      <dl>
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>
              <code class="hash">{value}</code>
            </dd>
          </>
        ))}
      </dl>
      {receipt.checkpointSize ? (
        <p>
          <a
            href={`/transparency/proof/inclusion?position=${receipt.position}&size=${receipt.checkpointSize}`}
          >
            {m.receiptProof}
          </a>
        </p>
      ) : (
        <p>{m.receiptPending}</p>
      )}
      <h3>
        <a href={p.href('/transparency')}>{m.receiptHow}</a>
      </h3>
      <pre>
        <code>{command}</code>
      </pre>
    </section>
  )
}
