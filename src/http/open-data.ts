// /open-data/signatories.csv and .json: public signatures only, under the licence
// of the config, streamed a batch at a time so memory stays flat at any size.
// /open-data/organisations.csv and .json: listed organisations, under the same licence;
// they are few, and written whole.
import { Hono, type Context } from 'hono'
import { csvLines } from '../domain/csv.js'
import {
  allOpenSignatories,
  listOpenOrganisations,
  OPEN_COLUMNS,
  type OpenSignatory,
  ORGANISATION_OPEN_COLUMNS,
} from '../domain/open-data.js'
import type { AppEnv } from './env.js'
import { streamedBody } from './streamed.js'

export const openData = new Hono<AppEnv>()

function streamed(c: Context<AppEnv>, type: string, chunks: AsyncGenerator<string>): Response {
  const body = streamedBody(chunks)
  const site = c.var.ctx.config.site
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
      Link: `<${site.openDataLicenceUrl}>; rel="license"`,
    },
  })
}

function csvRow(s: OpenSignatory): string[] {
  return OPEN_COLUMNS.map((k) => (k === 'verified' ? (s.verified ? '1' : '0') : String(s[k])))
}

openData.get('/signatories.csv', (c) => {
  const { ctx } = c.var
  async function* lines(): AsyncGenerator<string> {
    yield csvLines([[...OPEN_COLUMNS]])
    for await (const batch of allOpenSignatories(ctx.db, ctx.config.site)) yield csvLines(batch.map(csvRow))
  }
  return streamed(c, 'text/csv; charset=utf-8; header=present', lines())
})

/** What every JSON file opens with: its licence and when it was made. */
function jsonHead(c: Context<AppEnv>) {
  const { ctx } = c.var
  return {
    licence: ctx.config.site.openDataLicence,
    licence_url: ctx.config.site.openDataLicenceUrl,
    generated_at: ctx.now().toISOString(),
  }
}

openData.get('/signatories.json', (c) => {
  const { ctx } = c.var
  const site = ctx.config.site
  async function* parts(): AsyncGenerator<string> {
    const head = jsonHead(c)
    yield `${JSON.stringify(head).slice(0, -1)},"signatories":[`
    let first = true
    for await (const batch of allOpenSignatories(ctx.db, site)) {
      yield (first ? '' : ',') + batch.map((s) => JSON.stringify(s)).join(',')
      first = false
    }
    yield ']}'
  }
  return streamed(c, 'application/json; charset=utf-8', parts())
})

openData.get('/organisations.csv', (c) => {
  const { ctx } = c.var
  async function* lines(): AsyncGenerator<string> {
    const organisations = await listOpenOrganisations(ctx.db, ctx.config.site)
    yield csvLines([
      [...ORGANISATION_OPEN_COLUMNS],
      ...organisations.map((o) => ORGANISATION_OPEN_COLUMNS.map((k) => o[k])),
    ])
  }
  return streamed(c, 'text/csv; charset=utf-8; header=present', lines())
})

openData.get('/organisations.json', (c) => {
  const { ctx } = c.var
  async function* parts(): AsyncGenerator<string> {
    const organisations = await listOpenOrganisations(ctx.db, ctx.config.site)
    yield JSON.stringify({ ...jsonHead(c), organisations })
  }
  return streamed(c, 'application/json; charset=utf-8', parts())
})
