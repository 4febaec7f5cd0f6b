// /institutions: the ranking by verified e-mail domain, and each institution's page.
import { Hono } from 'hono'
import { findInstitution, listInstitutions, listInstitutionSignatures } from '../domain/institutions.js'
import { decodeCursor } from '../domain/signatures.js'
import { InstitutionPage, InstitutionsPage } from '../views/institution-pages.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export const PAGE_SIZE = 50

export const institutions = new Hono<AppEnv>()

institutions.get('/', async (c) => {
  const { ctx, page } = c.var
  return render(c, <InstitutionsPage p={page} items={await listInstitutions(ctx.db, ctx.config.site)} />)
})

institutions.get('/:domain', async (c, next) => {
  const { ctx, page } = c.var
  const institution = await findInstitution(ctx.db, ctx.config.site, c.req.param('domain'))
  if (!institution) return next()
  const afterParam = c.req.query('after')
  const cursor = afterParam && decodeCursor(afterParam) ? afterParam : undefined
  const list = await listInstitutionSignatures(ctx.db, institution.domain, { cursor, limit: PAGE_SIZE })
  return render(c, <InstitutionPage p={page} institution={institution} items={list.items} next={list.next} isFirstPage={!cursor} />)
})
