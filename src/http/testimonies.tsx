// «Pourquoi nous signons»: the published testimonies, newest approval first, by keyset.
import { Hono } from 'hono'
import { decodeCursor } from '../domain/public-list.js'
import { listTestimonies } from '../domain/testimonies.js'
import { TestimoniesPage } from '../views/testimonies-page.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export const PAGE_SIZE = 30

export const testimonies = new Hono<AppEnv>()

testimonies.get('/', async (c) => {
  const { ctx, page } = c.var
  const afterParam = c.req.query('after')
  const cursor = afterParam && decodeCursor(afterParam) ? afterParam : undefined
  const list = await listTestimonies(ctx.db, ctx.config.site, { cursor, limit: PAGE_SIZE })
  return render(c, <TestimoniesPage p={page} items={list.items} next={list.next} isFirstPage={!cursor} />)
})
