// The public JSON API (docs/API.md). GET only, readable from any origin; every
// answer carries an ETag, and a request that names it gets 304 without a body
// (the compression middleware tags and compresses it, as it does pages).
import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import type { InstitutionRanking } from '../domain/institutions.js'
import { listOpenSignatories } from '../domain/open-data.js'
import { decodeCursor } from '../domain/public-list.js'
import type { GroupCount } from '../domain/small-groups.js'
import type { AppEnv } from './env.js'

export const api = new Hono<AppEnv>()

api.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'] }))

/** Public JSON that caches may keep a few seconds. */
function publicJson(c: Context<AppEnv>, data: unknown, maxAge = 10): Response {
  c.header('Cache-Control', `public, max-age=${maxAge}`)
  c.header('Content-Type', 'application/json; charset=utf-8')
  return c.body(JSON.stringify(data))
}

api.get('/v1/stats', async (c) => {
  const { ctx } = c.var
  const [counts, stats, ranking, organisations] = await Promise.all([
    ctx.numbers.counts.get(),
    ctx.numbers.statistics.get(),
    ctx.numbers.institutions.get(),
    ctx.numbers.organisations.get(),
  ])
  return publicJson(c, {
    confirmed: counts.confirmed,
    public: counts.public,
    updated_at: counts.updatedAt,
    // Apart from people: `confirmed` and `public` stay the count of people (docs/API.md).
    organisations,
    verified: stats.verified,
    willing_to_debate: stats.willing,
    // Groups below it are null or counted together (docs/API.md).
    min_group_size: ctx.config.site.minGroupSize,
    by_category: Object.fromEntries(stats.byCategory.map((x) => [x.key, x.count])),
    by_discipline: Object.fromEntries(stats.byDiscipline.map((x) => [x.name, x.count])),
    by_discipline_other: orZero(stats.otherDisciplines),
    by_institution: ranking.items.map((i) => ({
      domain: i.domain,
      name: i.name,
      confirmed: i.total,
      public: i.listed,
    })),
    by_institution_other: otherInstitutions(ranking),
    by_institution_type: Object.fromEntries(
      stats.byInstitutionType.filter((x) => x.key !== null).map((x) => [x.key, x.count]),
    ),
    by_institution_type_other: stats.byInstitutionType.find((x) => x.key === null)?.count ?? 0,
    schools: stats.schools
      ? {
          confirmed: stats.schools.total,
          by_academy: Object.fromEntries(stats.schools.byAcademy.map((x) => [x.key, x.count])),
          by_academy_other: orZero(stats.schools.otherAcademies),
        }
      : null,
    by_day: stats.byDay,
  })
})

/** A group of others as the API says it: 0 when there are none, null when too few to say. */
function orZero(count: GroupCount | undefined): GroupCount {
  return count === undefined ? 0 : count
}

/** The institutions too small to be ranked on their own, as the JSON answers say it. */
function otherInstitutions(ranking: InstitutionRanking) {
  return { institutions: ranking.other.institutions, confirmed: ranking.other.total }
}

export const API_PAGE_MAX = 100

api.get('/v1/signatories', async (c) => {
  const { ctx } = c.var
  const limitParam = Number.parseInt(c.req.query('limit') ?? '', 10)
  const limit = Number.isFinite(limitParam) ? Math.min(Math.max(limitParam, 1), API_PAGE_MAX) : 50
  const after = c.req.query('after')
  if (after !== undefined && !decodeCursor(after)) return c.json({ error: 'invalid cursor' }, 400)
  const page = await listOpenSignatories(ctx.db, ctx.config.site, { cursor: after, limit })
  const next = page.next
    ? `/api/v1/signatories?${new URLSearchParams({ after: page.next, limit: String(limit) })}`
    : null
  return publicJson(c, { items: page.items, next_cursor: page.next ?? null, next })
})

api.get('/v1/institutions', async (c) => {
  const { ctx } = c.var
  const ranking = await ctx.numbers.institutions.get()
  return publicJson(c, {
    min_group_size: ctx.config.site.minGroupSize,
    items: ranking.items.map((i) => ({
      domain: i.domain,
      name: i.name,
      confirmed: i.total,
      public: i.listed,
      willing_to_debate: i.willing,
      url: `${ctx.config.baseUrl}/institutions/${i.domain}`,
    })),
    other: otherInstitutions(ranking),
  })
})
