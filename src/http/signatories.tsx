import { Hono } from 'hono'
import { cleanLine } from '../domain/clean-text.js'
import { decodeCursor, listPublicSignatures } from '../domain/public-list.js'
import { SignatoriesPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export const PAGE_SIZE = 50

export const signatories = new Hono<AppEnv>()

signatories.get('/', async (c) => {
  const { ctx, page } = c.var
  const query = cleanLine(c.req.query('q') ?? '').slice(0, 100)
  const afterParam = c.req.query('after')
  const cursor = afterParam && decodeCursor(afterParam) ? afterParam : undefined
  const [list, counts] = await Promise.all([
    listPublicSignatures(ctx.db, ctx.config.site, { query, cursor, limit: PAGE_SIZE }),
    ctx.numbers.counts.get(),
  ])
  return render(
    c,
    <SignatoriesPage
      p={page}
      items={list.items}
      total={counts.confirmed}
      listed={counts.public}
      query={query}
      next={list.next}
      termTooShort={list.termTooShort}
      isFirstPage={!cursor}
    />,
  )
})
