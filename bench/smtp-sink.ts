// A local SMTP server for the benchmark: it accepts every mail, counts it, and keeps
// the confirmation link it carries (http://host:port/confirm/abc…), so the confirmation
// scenario uses links the server really sent. It runs in its own process; the parent
// asks over IPC for the count ('count') or for the links collected ('links').
import { SMTPServer } from 'smtp-server'

let received = 0
const links: string[] = []

/** The confirmation link of a mail, from its quoted-printable text part. */
function confirmationLink(raw: string): string | undefined {
  // Undo quoted-printable soft line breaks: the link may be cut anywhere.
  const text = raw.replace(/=\r?\n/g, '')
  return /https?:\/\/[^/\s"]+(?:\/[a-z]{2})?\/confirm\/[A-Za-z0-9_-]+/.exec(text)?.[0]
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (d: Buffer) => chunks.push(d))
    stream.on('end', () => {
      received++
      const link = confirmationLink(Buffer.concat(chunks).toString('latin1'))
      if (link) links.push(link)
      callback()
    })
  },
})
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.server.address()
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
})
process.on('message', (m) => {
  if (m === 'links') process.send?.({ links: links.splice(0) })
  else process.send?.({ received })
})
