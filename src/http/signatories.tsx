import { Hono } from 'hono'
import { cleanLine } from '../domain/clean-text.js'
import { decodeCursor, listInitialSignatories, listPublicSignatures } from '../domain/public-list.js'
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
  const [list, counts, organisations, initial] = await Promise.all([
    listPublicSignatures(ctx.db, ctx.config.site, { query, cursor, limit: PAGE_SIZE }),
    ctx.numbers.counts.get(),
    ctx.numbers.organisations.get(),
    // Before the first page of the whole list only.
    query || cursor ? [] : listInitialSignatories(ctx.db, ctx.config.site),
  ])
  return render(
    c,
    <SignatoriesPage
      p={page}
      items={list.items}
      initial={initial}
      total={counts.confirmed}
      listed={counts.public}
      organisations={organisations}
      query={query}
      next={list.next}
      termTooShort={list.termTooShort}
      isFirstPage={!cursor}
    />,
  )
})
