// Hostile input: a catalogue of known attacks goes through every field, and each place
// the value later appears (a "sink") is checked; random input (fast-check) never makes
// the server fail or echo markup. Sinks are a list: add one for each new place where
// signatory input appears (admin screens, CSV/JSON exports, SVG images…).
import fc from 'fast-check'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'

const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)' x='",
  'javascript:alert(1)',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
  'Eve\r\nBcc: victim@example.org\r\nSubject: pwned',
  '=HYPERLINK("http://evil.example","clic")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  "'; DROP TABLE signatures; --",
  "Robert') OR 1=1 --",
  '{{organisation}} {{base_url}}',
  '\u202Egnp.exe\u202C',
  'Zo\u0065\u0301\u200B\u200D',
  '%00%0d%0a',
  '&lt;b&gt;&amp;',
]

/** Fields of the sign form that keep free text, with the length they accept. */
const TEXT_FIELDS = {
  first_name: 100,
  last_name: 100,
  institution: 200,
  discipline: 200,
  comment: 280,
} as const

interface Observed {
  app: TestApp
  value: string
  email: string
}

/** Somewhere a signatory's input comes out; `read` returns what a reader there gets. */
interface Sink {
  name: string
  kind: 'html' | 'mail' | 'json'
  read(o: Observed): Promise<string | ParsedMail>
}

function mailTo(app: TestApp, email: string): ParsedMail {
  const mail = app.smtp.messages.find((m) => (m.to as { text: string } | undefined)?.text === email)
  if (!mail) throw new Error(`no mail to ${email}`)
  return mail
}

const SINKS: Sink[] = [
  {
    name: 'the form sent back with an error',
    kind: 'html',
    read: async (o) =>
      (await postForm(o.app.url, '/sign', hostileForm(o.value, o.email, { consent: '' }))).html,
  },
  { name: 'the confirmation mail', kind: 'mail', read: async (o) => mailTo(o.app, o.email) },
  {
    name: 'the confirmation page',
    kind: 'html',
    read: async (o) => (await get(o.app.url, linkIn(mailTo(o.app, o.email).text!, 'confirm'))).html,
  },
  { name: 'the public list', kind: 'html', read: async (o) => (await get(o.app.url, '/signatories')).html },
  {
    name: 'the public list searched for the value',
    kind: 'html',
    read: async (o) => (await get(o.app.url, `/signatories?q=${encodeURIComponent(o.value)}`)).html,
  },
  {
    name: 'the English public list',
    kind: 'html',
    read: async (o) => (await get(o.app.url, '/en/signatories')).html,
  },
  { name: 'the stats API', kind: 'json', read: async (o) => (await get(o.app.url, '/api/v1/stats')).html },
]

function hostileForm(
  value: string,
  email: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [field, max] of Object.entries(TEXT_FIELDS)) fields[field] = value.slice(0, max)
  // A name may not hold a web address (the mails greet it): there the payload keeps its
  // markup and formulas, its addresses broken, and goes through every sink all the same.
  for (const field of NAME_FIELDS)
    fields[field] = fields[field]!.replaceAll('://', ':/ /').replaceAll('www.', 'www .')
  return validSignature({ ...fields, email, ...overrides })
}

const NAME_FIELDS = ['first_name', 'last_name'] as const

/** What must never come out of an HTML page, whatever went in. */
function expectInert(html: string, value: string) {
  if (/[<>"']/.test(value)) expect(html).not.toContain(value)
  expect(html).not.toMatch(/<script>alert|href="javascript:/i)
  // No event handler in any tag, once the (escaped) attribute values are set aside.
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? [])
    expect(tag.replace(/="[^"]*"/g, '=""')).not.toMatch(/\son[a-z]+\s*=/i)
}

describe.each(DATABASES)('hostile values in every field (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ allow_networks: '["127.0.0.0/8", "::1/128"]' }),
    })
    // Every hostile value signs, and is confirmed and listed publicly.
    for (const [i, value] of HOSTILE_VALUES.entries()) {
      expect((await postForm(app.url, '/sign', hostileForm(value, `hostile${i}@cnrs.fr`))).status).toBe(303)
    }
    await app.smtp.waitForMessages(HOSTILE_VALUES.length)
    for (const [i] of HOSTILE_VALUES.entries()) {
      const path = linkIn(mailTo(app, `hostile${i}@cnrs.fr`).text!, 'confirm')
      const csrf = hiddenValue((await get(app.url, path)).html, 'csrf')
      await postForm(app.url, path, { csrf })
    }
  })
  afterAll(async () => {
    await app?.close()
  })

  for (const sink of SINKS) {
    it(`shows them inert in ${sink.name}`, async () => {
      for (const [i, value] of HOSTILE_VALUES.entries()) {
        const out = await sink.read({ app, value, email: `hostile${i}@cnrs.fr` })
        if (sink.kind === 'html') expectInert(out as string, value)
        if (sink.kind === 'json')
          expect(JSON.parse(out as string)).toMatchObject({
            confirmed: HOSTILE_VALUES.length,
            public: HOSTILE_VALUES.length,
          })
        if (sink.kind === 'mail') {
          const mail = out as ParsedMail
          // No header smuggled in through a name: one recipient, no copy, our subject.
          expect(mail.headers.has('bcc')).toBe(false)
          expect(mail.headers.has('cc')).toBe(false)
          expect((mail.to as { value: unknown[] }).value).toHaveLength(1)
          expect(mail.subject).not.toContain('pwned')
          expectInert(String(mail.html), value)
        }
      }
    })
  }

  it('keeps the stored names free of controls, bidirectional overrides and invisible characters, in NFC', async () => {
    const rows = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['first_name', 'last_name', 'institution'])
      .execute()
    for (const row of rows) {
      for (const text of Object.values(row)) {
        expect(text).toBe(text.normalize('NFC'))
        expect(text).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]/)
      }
    }
    expect(rows.map((r) => r.first_name)).toContain('Zoé')
  })

  it('refuses a web address in a name, keeping what was typed: the site would mail it to a stranger', async () => {
    const page = await postForm(
      app.url,
      '/sign',
      validSignature({ first_name: 'Voir https://phish.example', email: 'phish@cnrs.fr' }),
    )
    expect(page.status).toBe(422)
    expect(page.html).toContain('Un nom ne peut pas contenir d’adresse web.')
    expect(page.html).toContain('value="Voir https://phish.example"')
  })

  it('refuses a 1 MB body before reading it, with a localised page', async () => {
    const page = await postForm(
      app.url,
      '/sign',
      validSignature({ comment: 'x'.repeat(1024 * 1024), email: 'big@cnrs.fr' }),
    )
    expect(page.status).toBe(413)
    expect(page.html).toContain('Requête invalide')
  })
})

/** A URL cannot carry a lone surrogate: it becomes U+FFFD, as a browser would send it. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/** Raw bytes as a form body: invalid UTF-8 and lone surrogates cannot be sent any other way. */
async function postRaw(url: string, body: Buffer) {
  const res = await fetch(`${url}/sign`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new Uint8Array(body),
  })
  return { status: res.status, html: await res.text() }
}

describe('random input (property-based)', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('sqlite', {
      CONTENT_DIR: contentWith({ allow_networks: '["127.0.0.0/8", "::1/128"]' }),
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  const nasty = fc.constantFrom(
    '<b>',
    '"><i x="',
    '<',
    '>',
    '"',
    "'",
    '&',
    '\u0000',
    '\r\n',
    '\u202E',
    '\u200B',
    '\uD800',
    '\uDFFF',
    'e\u0301',
    '=',
    '%',
    '\\',
    '{{',
    '😀',
  )
  const text = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), nasty), { maxLength: 12 })
    .map((parts) => parts.join(''))
  const anyField = fc.oneof(
    text,
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constant('x'.repeat(2000)),
  )

  it('answers every sign form with a redirect, a 422 page or a 413, never a 500, never echoing markup', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          first_name: anyField,
          last_name: anyField,
          email: fc.oneof(anyField, fc.emailAddress()),
          category: anyField,
          institution: anyField,
          comment: anyField,
          public: anyField,
          consent: fc.constantFrom('1', '', 'on'),
        }),
        async (fields) => {
          const page = await postForm(app.url, '/sign', { ...validSignature(), ...fields })
          expect([303, 413, 422]).toContain(page.status)
          for (const v of Object.values(fields)) if (/<[a-z]/i.test(v)) expect(page.html).not.toContain(v)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('answers every search and cursor of the public list with a page, escaped', async () => {
    await fc.assert(
      fc.asyncProperty(anyField, anyField, async (q, after) => {
        const page = await get(
          app.url,
          `/signatories?q=${encodeURIComponent(wellFormed(q))}&after=${encodeURIComponent(wellFormed(after))}`,
        )
        expect(page.status).toBe(200)
        if (/<[a-z]/i.test(q)) expect(page.html).not.toContain(q)
      }),
      { numRuns: 40 },
    )
  })

  it('survives invalid UTF-8 and encoded lone surrogates in any field', async () => {
    const bodies = [
      Buffer.concat([
        Buffer.from('first_name='),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('&last_name=%ED%A0%80&email=a%40cnrs.fr&category=researcher&consent=1'),
      ]),
      Buffer.from(
        'first_name=%ED%A0%80%ED%B0%80&last_name=%C0%AF&email=%FF%40cnrs.fr&category=researcher&institution=x&consent=1',
      ),
      Buffer.from('first_name=%&last_name=%%%&email=%E2%82&category=%00&consent=1'),
    ]
    for (const body of bodies) expect([303, 400, 422]).toContain((await postRaw(app.url, body)).status)
    const rows = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['first_name', 'last_name'])
      .execute()
    for (const r of rows) expect(r.first_name + r.last_name).not.toMatch(/[\uD800-\uDFFF]/)
  })
})
