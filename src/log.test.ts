import { describe, expect, it } from 'vitest'
import { createLogger, maskPersonal, type LoggerOptions } from './log.js'

function capture(options: Omit<LoggerOptions, 'destination'>) {
  const lines: string[] = []
  const logger = createLogger({ ...options, destination: { write: (line: string) => lines.push(line) } })
  return { logger, lines }
}

describe('the server log', () => {
  it('writes one plain line per event, its level first and its fields after', () => {
    const { logger, lines } = capture({ format: 'text' })
    logger.warn('mail not delivered; will retry', { mail: 12, code: '451', reason: 'try later' })
    expect(lines).toEqual(['warn mail not delivered; will retry mail=12 code=451 reason="try later"\n'])
  })

  it('keeps an event on one line, whatever its message holds', () => {
    const { logger, lines } = capture({ format: 'text' })
    logger.error('first\nsecond', { detail: 'a\nb' })
    expect(lines).toEqual(['error first second detail="a\\nb"\n'])
  })

  it('starts each line with its syslog priority when it goes to the journal', () => {
    const { logger, lines } = capture({ format: 'text', syslogPrefix: true })
    logger.error('outbox pass failed')
    logger.info('Paraphe listening')
    expect(lines).toEqual(['<3>error outbox pass failed\n', '<6>info Paraphe listening\n'])
  })

  it('writes JSON lines with LOG_FORMAT=json: level by name, time, message and fields', () => {
    const { logger, lines } = capture({ format: 'json' })
    logger.info('mail delivered late', { mail: 3, attempts: 2 })
    expect(lines).toHaveLength(1)
    const event = JSON.parse(lines[0]!)
    expect(event).toMatchObject({ level: 'info', msg: 'mail delivered late', mail: 3, attempts: 2 })
    expect(new Date(event.time).getTime()).not.toBeNaN()
    expect(Object.keys(event).sort()).toEqual(['attempts', 'level', 'mail', 'msg', 'time'])
  })

  it('leaves out what is below its level', () => {
    const { logger, lines } = capture({ format: 'text', level: 'warn' })
    logger.debug('a')
    logger.info('b')
    logger.warn('c')
    expect(lines).toEqual(['warn c\n'])
  })

  it('masks an address or a link token that a message or a field would carry', () => {
    const { logger, lines } = capture({ format: 'json' })
    logger.error('500 GET /manage/:token: SMTP said <jeanne.dupont@cnrs.fr> unknown', {
      detail: 'see https://site.example/confirm/Zx9_-aB3c4 and /admin/login/QWERTY123',
    })
    const line = lines[0]!
    expect(line).not.toContain('jeanne.dupont')
    expect(line).not.toContain('Zx9_-aB3c4')
    expect(line).not.toContain('QWERTY123')
    // A route pattern is not a token: it stays readable.
    expect(line).toContain('/manage/:token')
    expect(maskPersonal('refused: a.b+c@example.org.')).toBe('refused: <address>')
  })
})
