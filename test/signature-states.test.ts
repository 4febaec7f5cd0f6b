// Each named state of signature-state.ts has two forms, a rule on one row and a
// condition of a query: on each database, they pick the same signatures among every
// combination of the columns that decide a state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewSignature } from '../src/db/schema.js'
import { moderateSignature } from '../src/domain/moderation.js'
import { type ModeratedState, SignatureStates, type StateRule } from '../src/domain/signature-state.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'

const AT = '2026-11-28T10:00:00.000Z'

/** Every combination of status, choice, moderation, comment and its publication: 256 signatures. */
function everyState(): ModeratedState[] {
  const states: ModeratedState[] = []
  for (let bits = 0; bits < 256; bits++) {
    const on = (i: number) => (bits & (1 << i)) !== 0
    states.push({
      status: on(0) ? 'confirmed' : 'pending',
      is_public: on(1) ? 1 : 0,
      approved_at: on(2) ? AT : null,
      hidden_at: on(3) ? AT : null,
      invalidated_at: on(4) ? AT : null,
      comment: on(5) ? 'Un commentaire' : '',
      comment_approved_at: on(6) ? AT : null,
      publish_comment: on(7) ? 1 : 0,
      initial_signatory: 0,
    })
  }
  return states
}

describe.each(DATABASES)('signature states, as rows and as queries (%s)', (kind) => {
  let app: TestApp
  const rows: (ModeratedState & { id: number })[] = []
  beforeAll(async () => {
    app = await startTestApp(kind)
    await app.server.ctx.transact(async (tx) => {
      for (const [i, state] of everyState().entries()) {
        const row: NewSignature = {
          ...state,
          email_hash: `hash-${i}`,
          email: null,
          email_domain: 'example.org',
          first_name: 'Ana',
          last_name: `N${i}`,
          category: 'researcher',
          institution: '',
          discipline: '',
          wants_updates: 0,
          locale: 'fr',
          search_text: `ana n${i}`,
          consent_version: '1',
          submitted_at: AT,
          confirmed_at: state.status === 'confirmed' ? AT : null,
          updated_at: AT,
          mails_sent: 1,
        }
        const { id } = await tx.insertInto('signatures').values(row).returning('id').executeTakeFirstOrThrow()
        rows.push({ ...state, id })
      }
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  const rules: [string, StateRule<ModeratedState>][] = [
    ['live', SignatureStates.live],
    ['pending', SignatureStates.pending],
    ['confirmed', SignatureStates.confirmed],
    ['invalidated', SignatureStates.invalidated],
    ['hidden', SignatureStates.hidden],
    ['awaitingApproval', SignatureStates.awaitingApproval],
    ['commentAwaiting', SignatureStates.commentAwaiting],
    ['listed', SignatureStates.listed],
    ['testimony', SignatureStates.testimony],
    ['counted before approval', SignatureStates.counted(true)],
    ['counted once approved', SignatureStates.counted(false)],
  ]
  it.each(rules)('%s: the query finds exactly the signatures the row rule names', async (_name, rule) => {
    const found = await app.server.ctx.db
      .selectFrom('signatures')
      .select('id')
      .where(rule.where)
      .orderBy('id')
      .execute()
    const expected = rows.filter((r) => rule.row(r)).map((r) => r.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(rows.length)
    expect(found.map((r) => r.id)).toEqual(expected)
  })

  it('refuses a moderator action the state does not allow, and changes nothing', async () => {
    const ctx = app.server.ctx
    const invalidated = rows.find((r) => r.invalidated_at !== null && r.hidden_at === null)!
    const visible = rows.find((r) => SignatureStates.listed.row(r))!
    const audit = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const entries = await audit()
    await expect(moderateSignature(ctx, 'test', invalidated.id, 'hide', 'late')).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(moderateSignature(ctx, 'test', visible.id, 'restore')).rejects.toMatchObject({
      code: 'bad_request',
    })
    await expect(moderateSignature(ctx, 'test', visible.id, 'approve')).rejects.toMatchObject({
      code: 'bad_request',
    })
    const after = await ctx.db
      .selectFrom('signatures')
      .select(['hidden_at', 'approved_at'])
      .where('id', 'in', [invalidated.id, visible.id])
      .orderBy('id')
      .execute()
    expect(after).toEqual(
      [invalidated, visible]
        .sort((x, y) => x.id - y.id)
        .map((r) => ({ hidden_at: r.hidden_at, approved_at: r.approved_at })),
    )
    expect(await audit()).toBe(entries)
  })
})
