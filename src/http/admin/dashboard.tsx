// The dashboard: counts, the latest signatures, search and filters (flags among them).
import { Hono } from 'hono'
import type { FlagKind } from '../../db/schema.js'
import { cleanLine } from '../../domain/clean-text.js'
import { FLAG_KINDS } from '../../domain/flags.js'
import {
  listSignaturesForModeration,
  readDashboard,
  SIGNATURE_FILTERS,
  type SignatureFilter,
} from '../../domain/moderation.js'
import {
  countAwaitingOrganisations,
  countOrganisations,
  organisationsOpen,
} from '../../domain/organisations.js'
import type { Reconciliation } from '../../domain/reconcile.js'
import { DashboardPage } from '../../views/admin/dashboard.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'

export const PAGE_SIZE = 50

export const dashboard = new Hono<AdminEnv>()

dashboard.get('/', async (c) => {
  const { ctx, admin } = c.var
  const query = cleanLine(c.req.query('q') ?? '').slice(0, 100)
  const filterParam = c.req.query('filter') ?? 'all'
  const filter: SignatureFilter = (SIGNATURE_FILTERS as readonly string[]).includes(filterParam)
    ? (filterParam as SignatureFilter)
    : 'all'
  const flagParam = c.req.query('flag')
  const flag = FLAG_KINDS.includes(flagParam as FlagKind) ? (flagParam as FlagKind) : undefined
  const beforeParam = Number(c.req.query('before'))
  const before = Number.isSafeInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined
  const [counts, list, awaitingOrganisations, listedOrganisations] = await Promise.all([
    readDashboard(ctx.db),
    listSignaturesForModeration(ctx.db, ctx.config.site, { query, filter, flag, before, limit: PAGE_SIZE }),
    countAwaitingOrganisations(ctx.db),
    countOrganisations(ctx.db),
  ])
  // A site where organisations never signed keeps its dashboard as it was.
  const organisations =
    organisationsOpen(ctx.config.site) || awaitingOrganisations > 0 || listedOrganisations > 0
      ? { awaiting: awaitingOrganisations, listed: listedOrganisations }
      : undefined
  const last = ctx.settings.get('last_reconciliation')
  let lastReconciliation: string | undefined
  if (last) {
    const r = JSON.parse(last) as Reconciliation
    lastReconciliation = `${admin.m.admin.reconciled({
      ok: !r.drift,
      kept: `${r.kept.confirmed}/${r.kept.public}`,
      recounted: `${r.recounted.confirmed}/${r.recounted.public}`,
    })} (${r.at.slice(0, 16).replace('T', ' ')} UTC)`
  }
  return render(
    c,
    <DashboardPage
      a={admin}
      counts={counts}
      items={list.items}
      query={query}
      filter={filter}
      flag={flag}
      next={list.next}
      lastReconciliation={lastReconciliation}
      organisations={organisations}
    />,
  )
})
