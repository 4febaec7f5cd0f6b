// A real SMTP server on loopback that keeps what it receives, parsed. It can be
// told to refuse mail temporarily (4xx) or for good (5xx) to test the outbox.
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { waitFor } from './wait.js'

export interface TestSmtp {
  url: string
  port: number
  messages: ParsedMail[]
  /** Each message as it arrived, byte for byte (what a DKIM verifier reads), beside its parsed form. */
  raw: Buffer[]
  /** The name each sending client greeted with (EHLO/HELO), one per mail. */
  greetings: string[]
  /** Most SMTP sessions open at the same time so far. */
  peakSessions(): number
  /** SMTP sessions opened so far: a sender that keeps its connections opens few. */
  totalSessions(): number
  /** Refuse every recipient with this SMTP code (e.g. 451 or 550); undefined accepts again. */
  refuseWith(code: number | undefined): void
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>
  close(): Promise<void>
}

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const messages: ParsedMail[] = []
  const raw: Buffer[] = []
  const greetings: string[] = []
  let refusal: number | undefined
  let sessions = 0
  let peak = 0
  let total = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      sessions++
      total++
      peak = Math.max(peak, sessions)
      callback()
    },
    onClose() {
      sessions--
    },
    onMailFrom(_address, session, callback) {
      greetings.push(session.hostNameAppearsAs)
      callback()
    },
    onRcptTo(_address, _session, callback) {
      if (refusal === undefined) return callback()
      const err = Object.assign(new Error(refusal >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
        responseCode: refusal,
      })
      callback(err)
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks)
        simpleParser(bytes).then(
          (mail) => {
            raw.push(bytes)
            messages.push(mail)
            callback()
          },
          (err: Error) => callback(err),
        )
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    messages,
    raw,
    greetings,
    peakSessions: () => peak,
    totalSessions: () => total,
    refuseWith(code) {
      refusal = code
    },
    waitForMessages: (count, timeoutMs = 10_000) =>
      waitFor(
        () => `${count} mail(s), got ${messages.length}`,
        () => messages.length >= count && messages,
        { timeoutMs },
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
