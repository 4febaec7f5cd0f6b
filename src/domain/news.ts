// News from the collective (as e-petitions' mailshots): moderators write an item in
// every language, preview it, send a test to themselves, then publish it on the site,
// send it to the signatories who asked for news, or both. A sending writes its list
// of recipients once; feedNewsMails then hands their mails to the outbox a few at a
// time (the throttle of [news] mails_per_minute), so that a crash, a restart or an
// SMTP outage resumes where it stopped and reaches each recipient once.
import type { ExpressionBuilder } from 'kysely'
import { createMarkdown } from '../content/load.js'
import { sql, type Db, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { Database, NewsRow, NewsUnsubscribeMethod } from '../db/schema.js'
import { mailSite } from '../mail/layout.js'
import { newsHeaders, renderNewsMail } from '../mail/news-mail.js'
import { enqueueMail } from '../mail/outbox.js'
import { recordAudit } from './audit.js'
import type { DomainContext } from './context.js'
import { AppError } from './errors.js'
import { absoluteUrl } from './links.js'
import { emailKey, mailboxKey, normalizeEmail } from './normalize-email.js'
import { leaveChoice } from './opt-outs.js'
import { SignatureStates } from './signature-state.js'
import { checkStopLinkKey, stopLinkKey } from './tokens.js'

export const NEWS_TITLE_MAX = 200
export const NEWS_BODY_MAX = 10_000
/** Recipients handed to the outbox by one transaction at most, whatever the throttle allows. */
const FEED_BATCH = 200
const MINUTE_MS = 60_000

export interface NewsText {
  title: string
  /** Markdown, as the moderator typed it. */
  body: string
}

/** A news item and its texts by locale. */
export interface NewsItem {
  row: NewsRow
  texts: Record<string, NewsText>
}

export type NewsFieldError = 'required' | 'too_long'

export type NewsFormResult =
  | { ok: true; texts: Record<string, NewsText> }
  | { ok: false; errors: Record<string, NewsFieldError>; texts: Record<string, NewsText> }

/** The form's field of a locale's title or body: `title_fr`, `body_en`. */
export function newsField(kind: 'title' | 'body', locale: string): string {
  return `${kind}_${locale}`
}

/**
 * A title and a body in every configured language: each signatory reads news in the
 * language they signed in, and a text missing in one would reach them in another.
 */
export function parseNewsForm(
  locales: readonly string[],
  read: (field: string) => string | undefined,
): NewsFormResult {
  const errors: Record<string, NewsFieldError> = {}
  const texts: Record<string, NewsText> = {}
  for (const locale of locales) {
    const title = (read(newsField('title', locale)) ?? '').replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
    const body = (read(newsField('body', locale)) ?? '').replace(/\r\n?/g, '\n').trim()
    texts[locale] = { title, body }
    const check = (field: string, value: string, max: number) => {
      if (!value) errors[field] = 'required'
      else if (value.length > max) errors[field] = 'too_long'
    }
    check(newsField('title', locale), title, NEWS_TITLE_MAX)
    check(newsField('body', locale), body, NEWS_BODY_MAX)
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, texts } : { ok: true, texts }
}

const markdown = createMarkdown()

/** A news body as every page and mail shows it: the content folder's Markdown, raw HTML escaped. */
export function renderNewsBody(body: string): string {
  return markdown.render(body)
}

async function writeTexts(tx: Tx, newsId: number, texts: Record<string, NewsText>): Promise<void> {
  await tx.deleteFrom('news_texts').where('news_id', '=', newsId).execute()
  await tx
    .insertInto('news_texts')
    .values(Object.entries(texts).map(([locale, t]) => ({ news_id: newsId, locale, ...t })))
    .execute()
}

export async function createNews(
  ctx: DomainContext,
  actor: string,
  texts: Record<string, NewsText>,
): Promise<number> {
  return ctx.transact(async (tx) => {
    const now = ctx.now().toISOString()
    const row = await tx
      .insertInto('news')
      .values({ created_at: now, updated_at: now, created_by: actor })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeTexts(tx, row.id, texts)
    await recordAudit(tx, { actor, action: 'news.create', target: `news:${row.id}` }, ctx.now())
    return row.id
  })
}

async function lockNews(tx: Tx, id: number): Promise<NewsRow> {
  let q = tx.selectFrom('news').selectAll().where('id', '=', id)
  if (isPostgres(tx)) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return row
}

/** Changes the texts; refused once the item was sent, since its readers have it as it was. */
export async function updateNews(
  ctx: DomainContext,
  actor: string,
  id: number,
  texts: Record<string, NewsText>,
): Promise<void> {
  await ctx.transact(async (tx) => {
    const row = await lockNews(tx, id)
    if (row.send_started_at) throw new AppError('bad_request', 'news already sent')
    await writeTexts(tx, id, texts)
    await tx.updateTable('news').set({ updated_at: ctx.now().toISOString() }).where('id', '=', id).execute()
    await recordAudit(tx, { actor, action: 'news.update', target: `news:${id}` }, ctx.now())
  })
}

export async function getNews(db: Db | Tx, id: number): Promise<NewsItem> {
  if (!Number.isSafeInteger(id)) throw new AppError('not_found')
  const row = await db.selectFrom('news').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found')
  const texts = await db.selectFrom('news_texts').selectAll().where('news_id', '=', id).execute()
  return { row, texts: Object.fromEntries(texts.map((t) => [t.locale, { title: t.title, body: t.body }])) }
}

/** Every item, newest first, for the admin list (a campaign writes a few dozen at most). */
export async function listNews(db: Db): Promise<NewsItem[]> {
  const rows = await db.selectFrom('news').selectAll().orderBy('id', 'desc').limit(200).execute()
  if (rows.length === 0) return []
  const texts = await db
    .selectFrom('news_texts')
    .selectAll()
    .where(
      'news_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute()
  return rows.map((row) => ({
    row,
    texts: Object.fromEntries(
      texts.filter((t) => t.news_id === row.id).map((t) => [t.locale, { title: t.title, body: t.body }]),
    ),
  }))
}

/** Shows the item on the public page and in the feed, or takes it off them. */
export async function publishNews(
  ctx: DomainContext,
  actor: string,
  id: number,
  publish: boolean,
): Promise<void> {
  await ctx.transact(async (tx) => {
    const row = await lockNews(tx, id)
    if (Boolean(row.published_at) === publish) return
    await tx
      .updateTable('news')
      .set({ published_at: publish ? ctx.now().toISOString() : null })
      .where('id', '=', id)
      .execute()
    await recordAudit(
      tx,
      { actor, action: publish ? 'news.publish' : 'news.unpublish', target: `news:${id}` },
      ctx.now(),
    )
  })
}

/**
 * Who news reach: confirmed signatures (an invalidated one, an attack's, receives
 * nothing) that asked for news, whose address is kept and was never refused for good.
 * The one definition, read when a sending starts and again when each mail is queued.
 */
function inNewsAudience(eb: ExpressionBuilder<Database, 'signatures'>) {
  return eb.and([
    SignatureStates.confirmed.where(eb),
    eb('signatures.wants_updates', '=', 1),
    eb('signatures.email', 'is not', null),
    eb.not(
      eb.exists(
        eb
          .selectFrom('suppressions')
          .select('suppressions.email_hash')
          .whereRef('suppressions.email_hash', '=', 'signatures.email_hash'),
      ),
    ),
  ])
}

/** How many signatories a sending would reach now. */
export async function countNewsAudience(db: Db): Promise<number> {
  const row = await db
    .selectFrom('signatures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inNewsAudience)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Starts sending: the recipients are written once, here, and the item can no longer
 * change. Pressing the button twice (or on two instances) sends nothing twice: the
 * second press finds the sending started. Returns the number of recipients.
 */
export async function startSendingNews(ctx: DomainContext, actor: string, id: number): Promise<number> {
  const n = await ctx.transact(async (tx) => {
    const row = await lockNews(tx, id)
    if (row.send_started_at) return undefined
    const now = ctx.now().toISOString()
    await tx.updateTable('news').set({ send_started_at: now, updated_at: now }).where('id', '=', id).execute()
    await tx
      .insertInto('news_recipients')
      .columns(['news_id', 'signature_id', 'state'])
      .expression((eb) =>
        eb
          .selectFrom('signatures')
          .select([sql.lit(id).as('news_id'), 'signatures.id', sql.lit('waiting').as('state')])
          .where(inNewsAudience),
      )
      .execute()
    const count = await tx
      .selectFrom('news_recipients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('news_id', '=', id)
      .executeTakeFirstOrThrow()
    await recordAudit(
      tx,
      { actor, action: 'news.send', target: `news:${id}`, detail: `${Number(count.n)} recipients` },
      ctx.now(),
    )
    return Number(count.n)
  })
  ctx.mailQueued()
  return n ?? (await newsProgress(ctx.db, await getNews(ctx.db, id).then((item) => item.row))).total
}

export interface NewsProgress {
  total: number
  /** Not handed to the outbox yet, or in it and not delivered yet (retries included). */
  waiting: number
  sent: number
  /** Given up: refused for good, or still refused after every retry. */
  failed: number
  /** Stopped news, withdrawn or refused for good before their turn. */
  skipped: number
  finished: boolean
}

/** Where a sending stands, for the admin page that refreshes itself while it runs. */
export async function newsProgress(db: Db | Tx, row: NewsRow): Promise<NewsProgress> {
  const total = Number(
    (
      await db
        .selectFrom('news_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('news_id', '=', row.id)
        .executeTakeFirstOrThrow()
    ).n,
  )
  if (row.send_finished_at)
    return {
      total,
      waiting: 0,
      sent: row.sent_count,
      failed: row.failed_count,
      skipped: row.skipped_count,
      finished: true,
    }
  const byState = await db
    .selectFrom('news_recipients')
    .leftJoin('outbox', 'outbox.id', 'news_recipients.outbox_id')
    .select(['news_recipients.state', 'outbox.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('news_recipients.news_id', '=', row.id)
    .groupBy(['news_recipients.state', 'outbox.status'])
    .execute()
  const count = (match: (state: string, status: string | null) => boolean) =>
    byState.filter((r) => match(r.state, r.status)).reduce((sum, r) => sum + Number(r.n), 0)
  const waiting = count(
    (state, status) => state === 'waiting' || (state === 'queued' && status === 'pending'),
  )
  const sent = count((state, status) => state === 'queued' && status === 'sent')
  const failed = count((state, status) => state === 'queued' && status === 'dead')
  // A queued mail whose outbox row is gone was deleted with its signature (withdrawn).
  return { total, waiting, sent, failed, skipped: total - waiting - sent - failed, finished: false }
}

/** The key of a signatory's stop link for news (tokens.ts, stopLinkKey). */
export function newsStopKey(secret: string, signatureId: number): string {
  return stopLinkKey(secret, 'news-stop', signatureId)
}

function newsStopLink(ctx: DomainContext, locale: string, signatureId: number): string {
  return absoluteUrl(
    ctx.config,
    locale,
    `/news/stop/${signatureId}/${newsStopKey(ctx.config.secret, signatureId)}`,
  )
}

/** The locale a recipient reads the item in: theirs, else the site's default. */
function textFor(item: NewsItem, locale: string, defaultLocale: string): { locale: string; text: NewsText } {
  const own = item.texts[locale]
  if (own) return { locale, text: own }
  // A language added to the site after the item was written: the default one, else any.
  const [fallback, text] = item.texts[defaultLocale]
    ? [defaultLocale, item.texts[defaultLocale]]
    : Object.entries(item.texts)[0]!
  return { locale: fallback, text }
}

/**
 * Hands the next recipients of the sending under way to the outbox, as many as the
 * throttle allows: at most [news] mails_per_minute queued over the last minute, and no
 * more while that many still wait in the outbox (an SMTP outage then pauses the
 * sending instead of piling mail up). Each recipient turns from waiting to queued in
 * the transaction that writes its mail, so a crash loses or repeats none. Called by
 * the mail worker before each pass; returns how many mails it queued.
 */
export async function feedNewsMails(ctx: DomainContext): Promise<number> {
  const site = ctx.config.site
  const perMinute = site.newsMailsPerMinute
  return ctx.transact(async (tx) => {
    const sending = await tx
      .selectFrom('news')
      .selectAll()
      .where('send_started_at', 'is not', null)
      .where('send_finished_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst()
    if (!sending) return 0
    // Two instances feeding at once would both see room under the throttle.
    if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(hashtext('news-feed'))`.execute(tx)
    const now = ctx.now()
    const queuedLastMinute = Number(
      (
        await tx
          .selectFrom('news_recipients')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('news_id', '=', sending.id)
          .where('queued_at', '>', new Date(now.getTime() - MINUTE_MS).toISOString())
          .executeTakeFirstOrThrow()
      ).n,
    )
    const inOutbox = Number(
      (
        await tx
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'news')
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow()
      ).n,
    )
    const room = Math.min(perMinute - queuedLastMinute, perMinute - inOutbox, FEED_BATCH)
    if (room <= 0) return 0
    const next = await tx
      .selectFrom('news_recipients')
      .select('signature_id')
      .where('news_id', '=', sending.id)
      .where('state', '=', 'waiting')
      .orderBy('signature_id')
      .limit(room)
      .execute()
    if (next.length === 0) {
      await finishIfDelivered(tx, sending.id, now)
      return 0
    }
    const ids = next.map((r) => r.signature_id)
    // Read again now: who stopped news, withdrew or was refused since the sending began is skipped.
    const recipients = await tx
      .selectFrom('signatures')
      .select(['id', 'email', 'email_hash', 'first_name', 'locale'])
      .where('id', 'in', ids)
      .where(inNewsAudience)
      .execute()
    const item = await getNews(tx, sending.id)
    const rendered = new Map<string, string>()
    const host = new URL(ctx.config.baseUrl).hostname
    for (const r of recipients) {
      const { locale, text } = textFor(item, r.locale, site.defaultLocale)
      if (!rendered.has(locale)) rendered.set(locale, renderNewsBody(text.body))
      const stopLink = newsStopLink(ctx, r.locale, r.id)
      const mail = renderNewsMail({
        site: mailSite(ctx.config, locale, now),
        firstName: r.first_name,
        title: text.title,
        html: rendered.get(locale)!,
        markdown: text.body,
        stopLink,
      })
      const email = r.email!
      const address = normalizeEmail(email) ?? { address: email, domain: email.split('@').pop()! }
      const outboxId = await enqueueMail(
        tx,
        {
          ...mail,
          kind: 'news',
          recipient: email,
          // A refusal for good (5xx) suppresses this hash: no more news, as no more confirmations.
          recipientHash: r.email_hash,
          mailboxHash: mailboxKey(ctx.config.secret, address),
          signatureId: r.id,
          headers: newsHeaders(stopLink, host),
        },
        now,
      )
      await tx
        .updateTable('news_recipients')
        .set({ state: 'queued', queued_at: now.toISOString(), outbox_id: outboxId })
        .where('news_id', '=', sending.id)
        .where('signature_id', '=', r.id)
        .execute()
    }
    const kept = new Set(recipients.map((r) => r.id))
    const gone = ids.filter((id) => !kept.has(id))
    if (gone.length > 0)
      await tx
        .updateTable('news_recipients')
        .set({ state: 'skipped' })
        .where('news_id', '=', sending.id)
        .where('signature_id', 'in', gone)
        .execute()
    return recipients.length
  })
}

/** Once no recipient waits and no mail of the sending is in the outbox, its counts are kept for good. */
async function finishIfDelivered(tx: Tx, newsId: number, now: Date): Promise<void> {
  const row = await tx.selectFrom('news').selectAll().where('id', '=', newsId).executeTakeFirstOrThrow()
  const progress = await newsProgress(tx, row)
  if (progress.waiting > 0) return
  await tx
    .updateTable('news')
    .set({
      send_finished_at: now.toISOString(),
      sent_count: progress.sent,
      failed_count: progress.failed,
      skipped_count: progress.skipped,
    })
    .where('id', '=', newsId)
    .execute()
}

/**
 * Sends the item to the moderator themselves, once in each language, marked as a test:
 * what recipients will read, but the stop link, which is each recipient's own.
 */
export async function sendNewsTest(ctx: DomainContext, actor: string, id: number): Promise<void> {
  const site = ctx.config.site
  const item = await getNews(ctx.db, id)
  const address = normalizeEmail(actor)
  if (!address) throw new AppError('bad_request', 'moderator address')
  await ctx.transact(async (tx) => {
    const now = ctx.now()
    for (const locale of site.locales) {
      const text = item.texts[locale]
      if (!text) continue
      const stopLink = absoluteUrl(ctx.config, locale, '/news/stop/0/test')
      const mail = renderNewsMail({
        site: mailSite(ctx.config, locale, now),
        firstName: actor.split('@')[0]!,
        title: text.title,
        html: renderNewsBody(text.body),
        markdown: text.body,
        stopLink,
        test: true,
      })
      await enqueueMail(
        tx,
        {
          ...mail,
          kind: 'news_test',
          recipient: address.address,
          recipientHash: emailKey(ctx.config.secret, address),
          mailboxHash: mailboxKey(ctx.config.secret, address),
          signatureId: null,
          headers: newsHeaders(stopLink, new URL(ctx.config.baseUrl).hostname),
        },
        now,
      )
    }
    await recordAudit(tx, { actor, action: 'news.test', target: `news:${id}` }, now)
  })
  ctx.mailQueued()
}

export interface PublishedNews {
  id: number
  publishedAt: string
  title: string
  html: string
}

/** Published items that have a text in `locale`, newest first, by keyset on publication. */
export async function listPublishedNews(
  db: Db,
  locale: string,
  options: { limit: number; before?: string },
): Promise<{ items: PublishedNews[]; next?: string }> {
  const rows = await db
    .selectFrom('news')
    .innerJoin('news_texts', (j) =>
      j.onRef('news_texts.news_id', '=', 'news.id').on('news_texts.locale', '=', locale),
    )
    .select(['news.id', 'news.published_at', 'news_texts.title', 'news_texts.body'])
    .where('news.published_at', 'is not', null)
    .$if(options.before !== undefined, (q) => q.where('news.published_at', '<', options.before!))
    .orderBy('news.published_at', 'desc')
    .orderBy('news.id', 'desc')
    .limit(options.limit + 1)
    .execute()
  const items = rows.slice(0, options.limit).map((r) => ({
    id: r.id,
    publishedAt: r.published_at!,
    title: r.title,
    html: renderNewsBody(r.body),
  }))
  return { items, next: rows.length > options.limit ? items.at(-1)?.publishedAt : undefined }
}

/**
 * No more news for this signatory: the choice is cleared (the signature stays as it
 * is), the address is erased unless the debate relay still needs it, and the
 * withdrawal of consent is recorded with how it was made. Stopping twice changes
 * nothing the second time.
 */
export async function stopNews(
  ctx: DomainContext,
  signatureId: number,
  key: string,
  method: NewsUnsubscribeMethod,
): Promise<void> {
  checkStopLinkKey(ctx.config.secret, 'news-stop', signatureId, key)
  await ctx.transact(async (tx) => {
    const now = ctx.now()
    if (!(await leaveChoice(ctx, tx, signatureId, 'wants_updates', now))) return
    // Stopping means from now: a news mail queued for them and not yet sent is not sent
    // (the sending's progress counts it as left out, like a withdrawn signatory's).
    await tx
      .deleteFrom('outbox')
      .where('signature_id', '=', signatureId)
      .where('kind', '=', 'news')
      .where('status', '=', 'pending')
      .execute()
    await tx
      .insertInto('news_unsubscribes')
      .values({ signature_id: signatureId, method, at: now.toISOString() })
      .execute()
  })
}

/** The record of a signatory's stopping news, oldest first, for their own data download. */
export async function listNewsStops(db: Db, signatureId: number): Promise<{ at: string; method: string }[]> {
  return db
    .selectFrom('news_unsubscribes')
    .select(['at', 'method'])
    .where('signature_id', '=', signatureId)
    .orderBy('id')
    .execute()
}
