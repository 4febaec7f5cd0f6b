// The server's log: one line per event, with its level. Plain text by default, read in
// `journalctl -u paraphe` or a terminal; JSON lines with LOG_FORMAT=json, for a collector.
// pino writes it. Lines are written synchronously: the log says little (events, not every
// request), and a line said just before the process exits (a wrong setting) must not be lost.
//
// A log is read by people the signatories never agreed to show themselves to (a host,
// an operator, a backup of /var/log): no address, no name, no token ever goes into one.
// Callers log counts, ids, codes and route patterns; as a last guard, anything shaped
// like an address or a link's token is masked here before the line is written.
import pino, { type DestinationStream, type Level as PinoLevel } from 'pino'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFormat = 'text' | 'json'
/** What may accompany a message: counts, ids, codes, durations; never personal data. */
export type LogFields = Record<string, string | number | boolean | undefined>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export interface LoggerOptions {
  format: LogFormat
  level?: LogLevel
  /**
   * The text lines start with their syslog priority (<3> error … <7> debug), which
   * journald reads and strips: `journalctl -p warning` then shows warnings and errors.
   * On when the server's output goes to the journal (systemd sets JOURNAL_STREAM).
   */
  syslogPrefix?: boolean
  /**
   * Outside production, the link of a mail written to a file is logged for a developer
   * trying the site (fileTransport): link tokens are then left as they are. Addresses
   * are masked whatever this says.
   */
  showLinks?: boolean
  /** Where the lines go; standard output by default. */
  destination?: { write(line: string): unknown }
}

/** An address (someone@somewhere) or a link's token (/confirm/…, /manage/…): masked wherever it hides. */
const PERSONAL =
  /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+|(\/(?:confirm|manage|relay|debate|news\/stop|admin\/login)\/)[A-Za-z0-9_\-/]+/g

export function maskPersonal(text: string, showLinks = false): string {
  return text.replace(PERSONAL, (whole, linkPrefix?: string) =>
    linkPrefix ? (showLinks ? whole : `${linkPrefix}…`) : '<address>',
  )
}

const SYSLOG_PRIORITY: Record<string, number> = { error: 3, warn: 4, info: 6, debug: 7 }

/** `warn mail not delivered; will retry mail=12 code=451`: one line, the level first, the fields after. */
function textLine(event: Record<string, unknown>, syslogPrefix: boolean): string {
  const level = String(event.level)
  // One event, one line: a line break inside a message would make the rest look like another event.
  let line = `${syslogPrefix ? `<${SYSLOG_PRIORITY[level]}>` : ''}${level} ${String(event.msg ?? '').replace(/\r?\n/g, ' ')}`
  for (const [key, value] of Object.entries(event)) {
    if (key === 'level' || key === 'msg' || key === 'time' || value === undefined) continue
    line += ` ${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : String(value)}`
  }
  return `${line}\n`
}

export function createLogger(options: LoggerOptions): Logger {
  const out = options.destination ?? pino.destination({ dest: 1, sync: true })
  const syslogPrefix = options.syslogPrefix ?? false
  const showLinks = options.showLinks ?? false
  // pino writes JSON; the text form is made from it, on the way out, one line at a time.
  const destination: DestinationStream =
    options.format === 'json'
      ? (out as DestinationStream)
      : { write: (json: string) => void out.write(textLine(JSON.parse(json), syslogPrefix)) }
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      // Levels by name ("warn"), not pino's numbers: what a reader and a collector both expect.
      formatters: { level: (label) => ({ level: label }) },
      // A time only in JSON: journald and container engines stamp each line themselves.
      timestamp: options.format === 'json' ? pino.stdTimeFunctions.isoTime : false,
      hooks: {
        logMethod(args, method) {
          // (fields, message): the message, and every text field, masked before formatting.
          const [fields, message] = args as unknown as [LogFields, string]
          for (const key in fields) {
            const value = fields[key]
            if (typeof value === 'string') fields[key] = maskPersonal(value, showLinks)
          }
          return method.apply(this, [fields, maskPersonal(message, showLinks)] as unknown as Parameters<
            typeof method
          >)
        },
      },
    },
    destination,
  )
  const at =
    (level: PinoLevel) =>
    (message: string, fields: LogFields = {}) =>
      logger[level]({ ...fields }, message)
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** Logs nothing: for tools and tests that do not read the log. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }

/** The first line of an error's message: what a log line says of a failure (a stack trace stays out). */
export function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!
}
