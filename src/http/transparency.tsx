// The public log of the count (docs/API.md, «Transparency»): the page that explains
// it, in every locale, and the data anyone needs to check it, once, at the root.
// Entries and proofs of a given size never change: they are cached for long.
import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import { latestCheckpoint, listCheckpoints } from '../domain/transparency/checkpoints.js'
import {
  listEntries,
  readConsistencyProof,
  readHead,
  readInclusionProof,
} from '../domain/transparency/log.js'
import { TransparencyPage } from '../views/transparency-page.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

/** Entries per answer at most: a million-entry log is read in a hundred requests. */
export const MAX_ENTRIES = 10_000

export const transparencyPage = new Hono<AppEnv>()

transparencyPage.get('/', async (c) => {
  const { ctx, page } = c.var
  return render(
    c,
    <TransparencyPage
      p={page}
      checkpoint={await latestCheckpoint(ctx.db)}
      siteUrl={ctx.config.baseUrl}
      keyFingerprint={ctx.logKey.fingerprint}
    />,
  )
})

export const transparencyData = new Hono<AppEnv>()

transparencyData.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }))

function json(c: Context<AppEnv>, data: unknown, maxAge: number): Response {
  c.header('Cache-Control', `public, max-age=${maxAge}`)
  return c.json(data)
}

/** A clear 400 naming the parameter, for the scripts that call these. */
function badRequest(c: Context<AppEnv>, message: string): Response {
  c.header('Cache-Control', 'no-store')
  return c.json({ error: message }, 400)
}

/** A non-negative integer query parameter, or undefined. */
function count(c: Context<AppEnv>, name: string): number | undefined {
  const raw = c.req.query(name)
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined
}

transparencyData.get('/key', (c) => {
  c.header('Cache-Control', 'public, max-age=3600')
  c.header('Content-Type', 'text/plain; charset=utf-8')
  return c.body(c.var.ctx.logKey.publicKeyPem)
})

transparencyData.get('/checkpoints', async (c) => {
  const { ctx } = c.var
  return json(c, { origin: ctx.config.baseUrl, checkpoints: await listCheckpoints(ctx.db) }, 60)
})

transparencyData.get('/entries', async (c) => {
  const { ctx } = c.var
  const from = count(c, 'from') ?? 0
  const head = await readHead(ctx.db)
  const to = Math.min(count(c, 'to') ?? from + MAX_ENTRIES, from + MAX_ENTRIES, head.size)
  if (to < from) return json(c, { from, to: from, size: head.size, entries: [] }, 10)
  const entries = await listEntries(ctx.db, from, to)
  // A full page never changes again; the last, still growing one, may.
  return json(c, { from, to, size: head.size, entries }, to - from === MAX_ENTRIES ? 86_400 : 10)
})

transparencyData.get('/proof/inclusion', async (c) => {
  const { ctx } = c.var
  const position = count(c, 'position')
  const size = count(c, 'size') ?? (await latestCheckpoint(ctx.db))?.size
  if (position === undefined) return badRequest(c, 'position: a non-negative integer is required')
  if (size === undefined) return badRequest(c, 'size: no checkpoint yet, name a size')
  const head = await readHead(ctx.db)
  if (size > head.size) return badRequest(c, `size: the log holds ${head.size} entries`)
  if (position >= size) return badRequest(c, `position: must be below size (${size})`)
  const proof = await readInclusionProof(ctx.db, position, size)
  return json(
    c,
    { position, size, leaf_hash: proof.leaf.toString('hex'), path: proof.path.map((h) => h.toString('hex')) },
    86_400,
  )
})

transparencyData.get('/proof/consistency', async (c) => {
  const { ctx } = c.var
  const first = count(c, 'first')
  const second = count(c, 'second')
  if (first === undefined || second === undefined)
    return badRequest(c, 'first, second: two non-negative integers are required')
  const head = await readHead(ctx.db)
  if (first > second || second > head.size)
    return badRequest(c, `first ≤ second ≤ ${head.size} (the size of the log) is required`)
  const proof = await readConsistencyProof(ctx.db, first, second)
  return json(c, { first, second, proof: proof.map((h) => h.toString('hex')) }, 86_400)
})
