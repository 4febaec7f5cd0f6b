// Organisations that sign in their own name: the moderators' list, by state, and their
// decisions on each (approve, refuse, hide, restore, delete).
import { Hono } from 'hono'
import { AppError } from '../../domain/errors.js'
import {
  claimEvidence,
  listOrganisations,
  listOrganisationsForModerators,
  proposedClaim,
  moderateOrganisation,
  ORGANISATION_ACTIONS,
  ORGANISATION_FILTERS,
  organisationActions,
  organisationKindLabel,
  type OrganisationAction,
  type OrganisationFilter,
} from '../../domain/organisations.js'
import { OrganisationsPage } from '../../views/admin/organisations.js'
import { formText } from '../form-body.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'
import { rowId } from './row-id.js'

export const organisations = new Hono<AdminEnv>()

/** The filter asked for; those awaiting a decision unless another is named. */
function filterOf(raw: string | undefined): OrganisationFilter {
  return (ORGANISATION_FILTERS as readonly string[]).includes(raw ?? '')
    ? (raw as OrganisationFilter)
    : 'awaiting'
}

function pageUrl(filter: OrganisationFilter, done: OrganisationAction | 'stale'): string {
  const params = new URLSearchParams({ ...(filter !== 'awaiting' ? { filter } : {}), done })
  return `/admin/organisations?${params}`
}

organisations.get('/', async (c) => {
  const { ctx, admin } = c.var
  const filter = filterOf(c.req.query('filter'))
  const doneParam = c.req.query('done')
  const done =
    doneParam === 'stale' || ORGANISATION_ACTIONS.includes(doneParam as OrganisationAction)
      ? (doneParam as OrganisationAction | 'stale')
      : undefined
  const before = Number(c.req.query('before'))
  const [page, listed] = await Promise.all([
    listOrganisationsForModerators(ctx.db, filter, {
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    }),
    listOrganisations(ctx.db, ctx.config.site),
  ])
  const site = ctx.config.site
  const kindLabel = (kind: string) => organisationKindLabel(site, kind, admin.locale)
  const items = page.items.map((organisation) => {
    const proposal = proposedClaim(organisation)
    return {
      organisation,
      kindLabel: kindLabel(organisation.kind),
      proposal: proposal && {
        ...proposal,
        kindLabel: kindLabel(proposal.kind),
        evidence: claimEvidence(site, { ...organisation, ...proposal }, listed),
      },
      evidence: claimEvidence(site, organisation, listed),
      actions: organisationActions(organisation),
    }
  })
  return render(c, <OrganisationsPage a={admin} filter={filter} items={items} done={done} next={page.next} />)
})

organisations.post('/:id/:action', async (c) => {
  const { ctx, session } = c.var
  const id = rowId(c.req.param('id'))
  const action = c.req.param('action') as OrganisationAction
  if (!ORGANISATION_ACTIONS.includes(action)) throw new AppError('not_found')
  const body = await c.req.parseBody()
  const filter = filterOf(formText(body, 'filter'))
  // A decision taken meanwhile (by another moderator, or this one's earlier click) wins,
  // and so does a change its contact made since the page was shown (`seen`): the page
  // says nothing changed rather than applying a decision to what the moderator never saw.
  const applied = await moderateOrganisation(ctx, session.email, id, action, formText(body, 'seen') ?? '')
  return c.redirect(pageUrl(filter, applied ? action : 'stale'), 303)
})
