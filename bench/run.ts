// npm run bench: the server started exactly as `npm start` starts it, with
// production's limits on (raised, never bypassed), on SQLite then PostgreSQL with a
// million confirmed signatures, loaded by wrk from a separate process. Each scenario
// reports req/s, p50/p99, errors and the server's CPU time per request; a bare
// node:http server sending the same answer as GET / gives the ceiling of the machine
// and of the load generator. Writes bench/results/latest.json and a Markdown table.
//
// Settings (environment): BENCH_QUICK=1 for a smoke run of every scenario (~2 min);
// BENCH_DB=sqlite,postgres; BENCH_ROWS; BENCH_DURATION and BENCH_WARMUP (seconds per
// scenario); BENCH_CONNECTIONS; BENCH_THREADS; BENCH_CONFIRM_LINKS (links wanted for
// the confirmation scenario); BENCH_TOPUP_SECONDS (most extra signing to get them);
// BENCH_POSTGRES_URL (an administrator connection; a bench database is created and dropped);
// BENCH_SCENARIOS=pages,confirm to run only some (signing always runs: confirming uses its
// links); BENCH_PROFILE=<folder> to write the server's CPU profile there
// (`node --cpu-prof`, one file per database, written when the server stops): the profile
// behind a missed target, taken under the same load.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { loadSiteConfig, type SiteConfig } from '../src/config.js'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/database.js'
import { createTransactor } from '../src/db/transactor.js'
import { rebuildCounters } from '../src/domain/counters.js'
import { logUnloggedSignatures } from '../src/domain/transparency/log.js'
import { encodeCursor } from '../src/db/keyset.js'
import { writeBenchContent, type BenchContent } from './bench-content.js'
import { cpuSeconds, peakRssMb, sampleRss } from './process-stats.js'
import { seedPostgres, seedSqlite } from './seed.js'
import { ensureWrk, runWrk, scriptFile, type WrkResult, type WrkSettings } from './wrk.js'
import { answers, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from '../test/helpers/embedded-postgres.js'
import { freePort } from '../test/helpers/process.js'

// ---------------------------------------------------------------- settings

const cli = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]))
function setting(name: string, flag: string, fallback: number): number {
  const raw = cli.get(flag) ?? process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, not "${raw}"`)
  return value
}
const QUICK = process.env.BENCH_QUICK === '1' || cli.has('quick')
const ROWS = setting('BENCH_ROWS', 'rows', QUICK ? 100_000 : 1_000_000)
const DURATION = setting('BENCH_DURATION', 'duration', QUICK ? 2 : 10)
const WARMUP = setting('BENCH_WARMUP', 'warmup', QUICK ? 1 : 3)
const CONNECTIONS = setting('BENCH_CONNECTIONS', 'connections', 32)
const THREADS = setting('BENCH_THREADS', 'threads', 2)
const CONFIRM_LINKS = setting('BENCH_CONFIRM_LINKS', 'confirm-links', QUICK ? 1_500 : 20_000)
const TOPUP_SECONDS = setting('BENCH_TOPUP_SECONDS', 'topup-seconds', QUICK ? 3 : 45)
const SCENARIOS = new Set((cli.get('scenarios') ?? process.env.BENCH_SCENARIOS ?? 'pages,confirm').split(','))
const PROFILE_DIR = cli.get('profile') ?? process.env.BENCH_PROFILE
const DATABASES = (cli.get('db') ?? process.env.BENCH_DB ?? 'sqlite,postgres').split(',')
/** Set by main(): BENCH_POSTGRES_URL, else the local server, else one started from npm. */
let PG_ADMIN = ''
const SECRET = 'bench-secret-bench-secret-bench-secret'
/** What a browser sends about encodings: the same in every GET scenario and in the ceiling's. */
const REQUEST_HEADERS = { 'Accept-Encoding': 'gzip, deflate, br' }
const SETTINGS: WrkSettings = {
  threads: THREADS,
  connections: CONNECTIONS,
  duration: DURATION,
  headers: REQUEST_HEADERS,
}
const WORK = join(tmpdir(), `paraphe-bench-${process.pid}`)
const PG_DATABASE = `paraphe_bench_${process.pid}`
/** BENCH_KEEP=1 leaves the temporary folder (server logs, databases) and the PostgreSQL database for a look. */
const KEEP = process.env.BENCH_KEEP === '1'

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits

/** The command line of `npm start`, read from package.json so that the two never differ. */
function productionCommand(): { command: string; args: string[]; line: string } {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts
  const line = scripts.start!
  const [command, ...args] = line.trim().split(/\s+/)
  // Run node itself, not through npm, so that the pid measured is the server's.
  if (command !== 'node') throw new Error(`npm start does not start with node: ${line}`)
  return { command: process.execPath, args, line }
}

async function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = pattern.exec(out)
      if (m) {
        child.stdout!.off('data', onData)
        // The rest of the log goes on being read, so the process never blocks on a full pipe.
        child.stdout!.on('data', () => {})
        resolve(m)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d))
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before "${pattern}": ${out}`)))
  })
}

interface Answer {
  status: number
  rawHeaders: string[]
  headers: IncomingHttpHeaders
  body: Buffer
}

/**
 * One GET with node:http, the body kept as sent (compressed, if it was), on a
 * kept-alive connection as wrk's are, so the answer's connection headers are theirs.
 */
function capture(port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  const agent = new Agent({ keepAlive: true })
  return new Promise<Answer>((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          rawHeaders: res.rawHeaders,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      )
      res.on('error', reject)
    }).on('error', reject)
  }).finally(() => agent.destroy())
}

/** Every header but Date, whose value changes each second (its length does not). */
function comparableHeaders(a: Answer): string {
  const pairs: string[] = []
  for (let i = 0; i < a.rawHeaders.length; i += 2) {
    if (a.rawHeaders[i]!.toLowerCase() !== 'date')
      pairs.push(`${a.rawHeaders[i]!.toLowerCase()}: ${a.rawHeaders[i + 1]}`)
  }
  return pairs.join('\n')
}

function hiddenValue(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)
  if (!m) throw new Error(`no hidden field "${name}" in the page`)
  return m[1]!.replace(/&amp;/g, '&')
}

/** Runs fn over items, `concurrency` at a time. */
async function eachLimited<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await fn(items[i]!)
      }
    }),
  )
  return results
}

// ---------------------------------------------------------------- measuring

interface Row {
  database: string
  scenario: string
  requests: number
  seconds: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Socket errors (connect, read, write) and timeouts. */
  errors: number
  /** Answers with another status than the scenario expects (GET: 4xx/5xx; forms: anything but 303). */
  unexpected: number
  statuses?: Record<string, number>
  /** The server process's CPU time (user + system, all threads) over the scenario, per answered request. */
  serverCpuMsPerRequest: number
  /** Cores the server used on average during the scenario. */
  serverCores: number
  /** PostgreSQL backends serving the bench database, CPU per request. */
  databaseCpuMsPerRequest?: number
  /** The load generator's own CPU time per request. */
  generatorCpuMsPerRequest: number
  peakRssMb: number
  ratioToCeiling?: number
  note?: string
}

/** CPU seconds used so far by the PostgreSQL backends connected to the bench database. */
type DatabaseCpu = () => Promise<Map<number, number>>

async function measure(
  database: string,
  scenario: string,
  serverPid: number,
  url: string,
  script: string,
  settings: WrkSettings,
  scriptArgs: string[],
  expectedStatus: number | 'not-error',
  databaseCpu?: DatabaseCpu,
): Promise<{ row: Row; result: WrkResult }> {
  const db0 = databaseCpu ? await databaseCpu() : undefined
  const cpu0 = cpuSeconds(serverPid)
  const rss = sampleRss(serverPid)
  const result = await runWrk(url, script, settings, scriptArgs)
  const cpu = cpuSeconds(serverPid) - cpu0
  const peak = rss.stop()
  let dbCpu: number | undefined
  if (databaseCpu && db0) {
    dbCpu = 0
    for (const [pid, seconds] of await databaseCpu()) dbCpu += seconds - (db0.get(pid) ?? 0)
  }
  const answered = Math.max(1, result.requests)
  const unexpected =
    expectedStatus === 'not-error'
      ? result.errors.status
      : Object.entries(result.statuses).reduce(
          (n, [status, count]) => (Number(status) === expectedStatus ? n : n + count),
          0,
        )
  const row: Row = {
    database,
    scenario,
    requests: result.requests,
    seconds: round(result.seconds, 2),
    requestsPerSecond: Math.round(result.requests / result.seconds),
    p50Ms: round(result.latencyUs.p50 / 1000, 2),
    p99Ms: round(result.latencyUs.p99 / 1000, 2),
    errors: result.errors.connect + result.errors.read + result.errors.write + result.errors.timeout,
    unexpected,
    ...(expectedStatus === 'not-error' ? {} : { statuses: result.statuses }),
    serverCpuMsPerRequest: round((cpu * 1000) / answered, 3),
    serverCores: round(cpu / result.seconds, 2),
    ...(dbCpu === undefined ? {} : { databaseCpuMsPerRequest: round((dbCpu * 1000) / answered, 3) }),
    generatorCpuMsPerRequest: round((result.generatorCpuSeconds * 1000) / answered, 4),
    peakRssMb: Math.round(peak),
  }
  console.log(
    `${database}: ${scenario}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ` +
      `server CPU ${row.serverCpuMsPerRequest} ms/req, errors ${row.errors}, unexpected ${row.unexpected}`,
  )
  return { row, result }
}

// ---------------------------------------------------------------- databases

interface Prepared {
  env: Record<string, string>
  dataDir: string
  seedSeconds: number
  databaseCpu?: DatabaseCpu
  cleanup(): Promise<void>
}

/** The seeded signatures into the public log, in bulk, as the application's seeder does. */
async function logSeeded(handle: DatabaseHandle, site: SiteConfig): Promise<void> {
  await createTransactor(handle.db, handle.dialect).transact((tx) =>
    logUnloggedSignatures(tx, site, new Date()),
  )
}

async function prepareDatabase(kind: string, content: BenchContent): Promise<Prepared> {
  const dataDir = join(WORK, kind)
  mkdirSync(dataDir, { recursive: true })
  const site = loadSiteConfig(content.dir)
  const started = Date.now()
  const env: Record<string, string> = { DATA_DIR: dataDir, CONTENT_DIR: content.dir }
  if (kind === 'sqlite') {
    const file = join(dataDir, 'paraphe.sqlite')
    const handle = await openDatabase({ sqliteFile: file })
    await migrateToLatest(handle.db)
    await handle.close()
    seedSqlite(file, ROWS)
    const again = await openDatabase({ sqliteFile: file })
    await rebuildCounters(createTransactor(again.db, again.dialect).transact, site, new Date())
    await logSeeded(again, site)
    await again.close()
    return { env, dataDir, seedSeconds: (Date.now() - started) / 1000, async cleanup() {} }
  }
  if (kind !== 'postgres') throw new Error(`unknown database "${kind}" (sqlite or postgres)`)
  const admin = new pg.Client({ connectionString: PG_ADMIN })
  await admin.connect()
  await admin.query(`drop database if exists ${PG_DATABASE} with (force)`)
  await admin.query(`create database ${PG_DATABASE}`)
  const url = new URL(PG_ADMIN)
  url.pathname = `/${PG_DATABASE}`
  env.DATABASE_URL = url.toString()
  const handle = await openDatabase({ databaseUrl: url.toString(), sqliteFile: '' })
  await migrateToLatest(handle.db)
  await handle.close()
  await seedPostgres(url.toString(), ROWS)
  const again = await openDatabase({ databaseUrl: url.toString(), sqliteFile: '' })
  await rebuildCounters(createTransactor(again.db, again.dialect).transact, site, new Date())
  await logSeeded(again, site)
  await again.close()
  // Logging the seeded signatures rewrote every row: vacuumed now, as autovacuum would
  // have long done on a site that grew to this size, rather than during the start-up
  // and the first scenarios.
  const seeded = new pg.Client({ connectionString: url.toString() })
  await seeded.connect()
  await seeded.query('vacuum analyze')
  await seeded.end()
  // The PostgreSQL server runs on this machine: the CPU its backends spend on the
  // bench database is part of each request's cost.
  const databaseCpu: DatabaseCpu = async () => {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [PG_DATABASE],
    )
    const usage = new Map<number, number>()
    for (const { pid } of rows) {
      try {
        usage.set(pid, cpuSeconds(pid))
      } catch {
        // A backend that ended between the query and the read.
      }
    }
    return usage
  }
  return {
    env,
    dataDir,
    seedSeconds: (Date.now() - started) / 1000,
    databaseCpu,
    async cleanup() {
      await admin.query(`drop database if exists ${PG_DATABASE} with (force)`)
      await admin.end()
    },
  }
}

// ---------------------------------------------------------------- the SMTP sink

interface Sink {
  url: string
  received(): Promise<number>
  /** Confirmation links (absolute URLs) received since the last call. */
  links(): Promise<string[]>
  stop(): void
}

async function startSink(): Promise<Sink> {
  const child = fork('bench/smtp-sink.ts', [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const port: number = await new Promise((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()).port)),
  )
  const ask = <T>(question: string, key: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (m: any) => resolve(m[key] as T))
      child.send(question)
    })
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => ask<number>('count', 'received'),
    links: () => ask<string[]>('links', 'links'),
    stop: () => child.kill(),
  }
}

/** Waits until `count` more mails than `before` arrived; returns the seconds it took. */
async function drainMail(
  sink: Sink,
  before: number,
  count: number,
  limitMs = 300_000,
): Promise<{ delivered: number; seconds: number }> {
  const started = Date.now()
  let delivered = (await sink.received()) - before
  while (delivered < count && Date.now() - started < limitMs) {
    await sleep(100)
    delivered = (await sink.received()) - before
  }
  return { delivered, seconds: (Date.now() - started) / 1000 }
}

// ---------------------------------------------------------------- one database

interface DatabaseReport {
  seedSeconds: number
  startupMs: number
  firstAnswerMs: number
  peakRssMb: number
  ceilingCheck: { status: number; headers: string; bodyBytes: number; identical: boolean }
  formStampAgeSeconds: number
  mailDelivery: {
    signatures: number
    delivered: number
    secondsAfterLoad: number
    serverCpuMsPerSignatureWithMail: number
  }
  confirmLinks?: { collected: number; topUpSignatures: number; warmup: number; measured: number }
}

async function benchDatabase(
  kind: string,
  content: BenchContent,
  sink: Sink,
  rows: Row[],
): Promise<DatabaseReport> {
  const db = await prepareDatabase(kind, content)
  console.log(
    `${kind}: seeded ${ROWS.toLocaleString('en')} confirmed signatures in ${db.seedSeconds.toFixed(1)} s`,
  )
  const scripts = {
    get: scriptFile(WORK, 'get'),
    sign: scriptFile(WORK, 'sign'),
    confirm: scriptFile(WORK, 'confirm'),
  }
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const prod = productionCommand()
  const started = Date.now()
  const profiling = PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${kind}.cpuprofile`]
    : []
  const server = spawn(prod.command, [...profiling, ...prod.args], {
    env: {
      ...process.env,
      ...db.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SECRET,
      SMTP_URL: sink.url,
      BASE_URL: base,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pid = server.pid!
  const log = createWriteStream(join(db.dataDir, 'server.log'))
  server.stdout!.pipe(log)
  try {
    await waitForLine(server, /listening/)
    const startupMs = Date.now() - started
    const first = await capture(port, '/', REQUEST_HEADERS)
    const firstAnswerMs = Date.now() - started
    if (first.status !== 200) throw new Error(`GET / answered ${first.status}`)

    // The ceiling: a bare node:http server sending what Paraphe sent for GET / (status,
    // every header, the body as encoded for these request headers), with the same load.
    const home = await capture(port, '/', REQUEST_HEADERS)
    const answerFile = join(db.dataDir, 'home-answer.json')
    writeFileSync(
      answerFile,
      JSON.stringify({
        status: home.status,
        rawHeaders: home.rawHeaders,
        bodyBase64: home.body.toString('base64'),
      }),
    )
    const barePort = await freePort()
    const bare = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/bare-server.ts', answerFile, String(barePort)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let ceilingRow: Row
    let ceilingCheck: DatabaseReport['ceilingCheck']
    try {
      await waitForLine(bare, /listening/)
      const copy = await capture(barePort, '/', REQUEST_HEADERS)
      const identical =
        copy.status === home.status &&
        comparableHeaders(copy) === comparableHeaders(home) &&
        copy.body.equals(home.body)
      if (!identical)
        throw new Error(
          `the bare server's answer differs from GET /:\n${comparableHeaders(home)}\n---\n${comparableHeaders(copy)}`,
        )
      ceilingCheck = {
        status: home.status,
        headers: comparableHeaders(home),
        bodyBytes: home.body.length,
        identical,
      }
      await runWrk(`http://127.0.0.1:${barePort}/`, scripts.get, { ...SETTINGS, duration: WARMUP })
      ceilingRow = (
        await measure(
          kind,
          'ceiling: bare node:http, same answer as GET /',
          bare.pid!,
          `http://127.0.0.1:${barePort}/`,
          scripts.get,
          SETTINGS,
          [],
          'not-error',
        )
      ).row
      // A single-threaded server that is the limit uses about one core. Well below that,
      // the limit is elsewhere (the generator, or other work on the machine), and the
      // ratio of GET / to this ceiling says little.
      if (ceilingRow.serverCores < 0.85) {
        ceilingRow.note = `the bare server used ${ceilingRow.serverCores} of a core: the generator or the machine was the limit`
        console.log(`${kind}: warning: ${ceilingRow.note}`)
      }
      rows.push(ceilingRow)
    } finally {
      bare.kill()
    }

    // Pages, in the order of issue 13's table. The deep page is the signature 90 % down the list.
    const deep = Math.floor(ROWS * 0.1)
    const deepCursor = encodeCursor(
      new Date(Date.parse('2026-06-01T00:00:00.000Z') + deep * 5000).toISOString(),
      deep + 1,
    )
    const pages: [string, string][] = [
      ['GET /', '/'],
      ['GET /en/', '/en/'],
      ['GET /signatories (first page)', '/signatories'],
      ['GET /signatories?after=… (page 90 % down)', `/signatories?after=${deepCursor}`],
      ['GET /signatories?q=martin (common term)', '/signatories?q=martin'],
      ['GET /signatories?q=zzzq (absent term)', '/signatories?q=zzzq'],
      ['GET /api/v1/stats', '/api/v1/stats'],
      ['GET /badge.svg', '/badge.svg'],
    ]
    for (const [name, path] of SCENARIOS.has('pages') ? pages : []) {
      const probe = await capture(port, path, REQUEST_HEADERS)
      if (probe.status !== 200) {
        console.log(`${kind}: ${name} answered ${probe.status}, skipped`)
        continue
      }
      await runWrk(base + path, scripts.get, { ...SETTINGS, duration: WARMUP })
      const { row } = await measure(
        kind,
        name,
        pid,
        base + path,
        scripts.get,
        SETTINGS,
        [],
        'not-error',
        db.databaseCpu,
      )
      if (path === '/' || path === '/en/')
        row.ratioToCeiling = round(row.requestsPerSecond / ceilingRow.requestsPerSecond, 2)
      rows.push(row)
    }

    // Signing, as a browser does it: GET the form, read its signed timestamp, post it
    // once the minimum fill time has passed. Every post carries that (valid) stamp.
    const form = await (await fetch(`${base}/sign`)).text()
    const stamp = hiddenValue(form, 'form_ts')
    const stampMs = Number(stamp.split('.')[0])
    await sleep(Math.max(0, stampMs + content.minFillSeconds * 1000 + 500 - Date.now()))
    const signArgs = (prefix: string) => [stamp, `${prefix}${process.pid}`]
    let mailsBefore = await sink.received()
    const warm = await runWrk(
      `${base}/sign`,
      scripts.sign,
      { ...SETTINGS, duration: WARMUP },
      signArgs('warm'),
    )
    // The warm-up's mails go out before the measured run, which then pays for its own.
    await drainMail(sink, mailsBefore, warm.statuses['303'] ?? 0)
    mailsBefore = await sink.received()
    const cpuBefore = cpuSeconds(pid)
    const signing = await measure(
      kind,
      'POST /sign (a new address each time)',
      pid,
      `${base}/sign`,
      scripts.sign,
      SETTINGS,
      signArgs('run'),
      303,
      db.databaseCpu,
    )
    rows.push(signing.row)
    const signatures = signing.result.statuses['303'] ?? 0
    const drained = await drainMail(sink, mailsBefore, signatures)
    const mailDelivery = {
      signatures,
      delivered: drained.delivered,
      secondsAfterLoad: round(drained.seconds, 1),
      serverCpuMsPerSignatureWithMail: round(
        ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, signatures),
        3,
      ),
    }
    const formStampAgeSeconds = round((Date.now() - stampMs) / 1000, 1)

    if (!SCENARIOS.has('confirm'))
      return {
        seedSeconds: round(db.seedSeconds, 1),
        startupMs,
        firstAnswerMs,
        peakRssMb: Math.round(peakRssMb(pid)),
        ceilingCheck,
        formStampAgeSeconds,
        mailDelivery,
      }

    // Confirmation, with the links the server mailed. When the signing scenario made
    // fewer than the scenario may use, more signatures are made first (not measured).
    let links = await sink.links()
    let topUpSignatures = 0
    if (links.length < CONFIRM_LINKS && TOPUP_SECONDS > 0) {
      const rate = Math.max(1, signing.row.requestsPerSecond)
      const seconds = Math.min(TOPUP_SECONDS, Math.max(1, Math.ceil((CONFIRM_LINKS - links.length) / rate)))
      const before = await sink.received()
      const more = await runWrk(
        `${base}/sign`,
        scripts.sign,
        { ...SETTINGS, duration: seconds },
        signArgs('more'),
      )
      topUpSignatures = more.statuses['303'] ?? 0
      await drainMail(sink, before, topUpSignatures)
      links = links.concat(await sink.links())
    }
    // Only this server's links: mails of requests still in flight when an earlier
    // server's load stopped may arrive late, with links to that server.
    links = [
      ...new Set(links.filter((link) => link.startsWith(`${base}/`)).map((link) => link.slice(base.length))),
    ]
    // Each link's page carries the CSRF field its form posts back (GET /confirm/<token>).
    const lines = await eachLimited(links, 16, async (path) => {
      const html = await (await fetch(base + path)).text()
      return `${path} csrf=${encodeURIComponent(hiddenValue(html, 'csrf'))}`
    })
    const warmCount = Math.min(Math.floor(lines.length / 10), 2_000)
    const warmFile = join(db.dataDir, 'confirm-warmup.txt')
    const runFile = join(db.dataDir, 'confirm-run.txt')
    writeFileSync(warmFile, `${lines.slice(0, warmCount).join('\n')}\n`)
    writeFileSync(runFile, `${lines.slice(warmCount).join('\n')}\n`)
    if (lines.length - warmCount < THREADS)
      throw new Error(`only ${lines.length} confirmation links: too few for ${THREADS} threads`)
    if (lines.length - warmCount < CONNECTIONS * 4)
      console.log(
        `${kind}: only ${lines.length - warmCount} confirmation links for ${CONNECTIONS} connections: the confirmation figures are rough`,
      )
    if (warmCount >= THREADS * CONNECTIONS)
      await runWrk(`${base}/confirm`, scripts.confirm, { ...SETTINGS, duration: WARMUP }, [
        String(THREADS),
        warmFile,
      ])
    const confirming = await measure(
      kind,
      'POST /confirm/<token> (links from the mails)',
      pid,
      `${base}/confirm`,
      scripts.confirm,
      SETTINGS,
      [String(THREADS), runFile],
      303,
      db.databaseCpu,
    )
    if (confirming.result.ranOutOfWork)
      confirming.row.note = `ran out of links after ${confirming.row.seconds} s`
    rows.push(confirming.row)

    const peak = peakRssMb(pid)
    return {
      seedSeconds: round(db.seedSeconds, 1),
      startupMs,
      firstAnswerMs,
      peakRssMb: Math.round(peak),
      ceilingCheck,
      formStampAgeSeconds,
      mailDelivery,
      confirmLinks: {
        collected: links.length,
        topUpSignatures,
        warmup: warmCount,
        measured: lines.length - warmCount,
      },
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(undefined)))
    if (!KEEP) await db.cleanup()
  }
}

// ---------------------------------------------------------------- the report

function markdownTable(rows: Row[], databases: string[]): string {
  const scenarios = [...new Set(rows.map((r) => r.scenario))]
  const header = [
    'scenario',
    ...databases.flatMap((d) => [`${d} req/s`, 'p50 / p99 ms', 'server CPU ms/req', 'errors']),
  ]
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ]
  for (const scenario of scenarios) {
    const cells = [scenario.replace(/\|/g, '\\|')]
    for (const d of databases) {
      const r = rows.find((x) => x.database === d && x.scenario === scenario)
      if (!r) {
        cells.push('—', '—', '—', '—')
        continue
      }
      const rate =
        r.requestsPerSecond.toLocaleString('en') +
        (r.ratioToCeiling !== undefined ? ` (${r.ratioToCeiling} of ceiling)` : '')
      const cpu =
        String(r.serverCpuMsPerRequest) +
        (r.databaseCpuMsPerRequest !== undefined ? ` + ${r.databaseCpuMsPerRequest} db` : '')
      cells.push(rate, `${r.p50Ms} / ${r.p99Ms}`, cpu, `${r.errors} + ${r.unexpected}`)
    }
    lines.push(`| ${cells.join(' | ')} |`)
  }
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.database}, ${r.scenario}: ${r.note}`)
  return [...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n')
}

async function main() {
  ensureWrk()
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' })
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  const content = writeBenchContent('content', join(WORK, 'content'))
  const raisedText = Object.entries(content.raised)
    .map(([k, v]) => `${k} ${v.from.toLocaleString('en')} → ${v.to.toLocaleString('en')}`)
    .join(', ')
  console.log(
    `limits raised in the benchmark content (${content.dir}): ${raisedText}; nothing allow-listed; min_fill_seconds ${content.minFillSeconds} unchanged`,
  )
  const stopPostgres = DATABASES.includes('postgres') ? await choosePostgres() : async () => {}
  const sink = await startSink()
  const rows: Row[] = []
  const databases: Record<string, DatabaseReport> = {}
  const started = Date.now()
  try {
    for (const kind of DATABASES) databases[kind] = await benchDatabase(kind, content, sink, rows)
  } finally {
    sink.stop()
    await stopPostgres()
  }
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: {
      quick: QUICK,
      rows: ROWS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      connections: CONNECTIONS,
      threads: THREADS,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template
      generator: execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Version}', 'wrk']).toString(),
      requestHeaders: REQUEST_HEADERS,
      serverCommand: productionCommand().line,
      limitsRaised: content.raised,
      minFillSeconds: content.minFillSeconds,
    },
    totalSeconds: round((Date.now() - started) / 1000),
    databases,
    results: rows,
  }
  const table = markdownTable(rows, DATABASES)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync('bench/results/latest.md', `${table}\n`)
  console.log(`\n${table}\n`)
  for (const [kind, d] of Object.entries(databases)) {
    console.log(
      `${kind}: start-up ${d.startupMs} ms (first answer ${d.firstAnswerMs} ms), peak RSS ${d.peakRssMb} MB, ` +
        `${d.mailDelivery.delivered}/${d.mailDelivery.signatures} mails delivered ${d.mailDelivery.secondsAfterLoad} s after the signing load, ` +
        `${d.mailDelivery.serverCpuMsPerSignatureWithMail} ms of server CPU per signature with its mail`,
    )
  }
  console.log(
    `errors: socket errors and timeouts + answers of an unexpected status. Written to bench/results/latest.json and latest.md`,
  )
  if (KEEP)
    console.log(`kept: ${WORK}${DATABASES.includes('postgres') ? ` and the database ${PG_DATABASE}` : ''}`)
  else rmSync(WORK, { recursive: true, force: true })
  process.exit(0)
}

/** The PostgreSQL server of the bench, as the tests find theirs; returns how to stop it. */
async function choosePostgres(): Promise<() => Promise<void>> {
  if (process.env.BENCH_POSTGRES_URL) {
    PG_ADMIN = process.env.BENCH_POSTGRES_URL
    return async () => {}
  }
  if (await answers('127.0.0.1', 5432)) {
    PG_ADMIN = LOCAL_POSTGRES_URL
    return async () => {}
  }
  // Production's durability settings: the numbers must mean something.
  const embedded = await startEmbeddedPostgres({ throwaway: false })
  console.log(
    `no PostgreSQL on 127.0.0.1:5432: benchmarking embedded ${embedded.version} on port ${embedded.port}`,
  )
  PG_ADMIN = embedded.url
  return embedded.stop
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
