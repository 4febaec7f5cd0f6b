// The server's real log (src/log.ts, as production writes it) read by a test: each line
// as an operator sees it in plain text, its level word taken off, so that a test reads
// `mail written to …` or `500 GET /sign: …` from the start of the line.
import { createLogger, type Logger } from '../../src/log.js'

export function lineLogger(
  receive: (line: string) => void,
  options: { production?: boolean; level?: 'debug' | 'info' } = {},
): Logger {
  return createLogger({
    format: 'text',
    level: options.level ?? 'debug',
    showLinks: !options.production,
    destination: { write: (line: string) => receive(line.replace(/^\w+ /, '').replace(/\n$/, '')) },
  })
}
