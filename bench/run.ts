// npm run bench: the real server (built), on SQLite then PostgreSQL, with a million
// confirmed signatures, under load from a separate process. Writes a table and JSON.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migrateToLatest, openDatabase } from '../src/db/database.js'
import { loadSiteConfig } from '../src/config.js'
import { rebuildCounters } from '../src/domain/counters.js'
import { encodeCursor } from '../src/db/keyset.js'
import { confirmRequests, PENDING_FOR_CONFIRM, seedPostgres, seedSqlite } from './seed.js'

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]))
const ROWS = Number(args.get('rows') ?? 1_000_000)
const DURATION = Number(args.get('duration') ?? 10)
const CONNECTIONS = Number(args.get('connections') ?? 32)
const DATABASES = (args.get('db') ?? 'sqlite,postgres').split(',')
const SECRET = 'bench-secret-bench-secret-bench-secret'
const site = loadSiteConfig('content')
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

interface Row {
  database: string
  scenario: string
  requestsPerSecond: number
  p50: number
  p99: number
  /** Connection errors and timeouts. */
  errors: number
  /** Answers in 4xx or 5xx (redirects are the expected answer of form posts). */
  failed: number
  peakRssMb: number
  ratioToCeiling?: number
}

/**
 * The server runs as `npm run start:prod` starts it, with the same Node.js flags (a
 * bounded heap), read from package.json so that the two never differ.
 */
function productionNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts
  return scripts['start:prod']!.split(/\s+/).filter((word) => word.startsWith('--'))
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

async function waitForLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let out = ''
    const onData = (d: Buffer) => {
      out += d.toString()
      if (pattern.test(out)) {
        child.stdout!.off('data', onData)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => process.stderr.write(d))
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before "${pattern}": ${out}`)))
  })
}

/** Runs one scenario from a separate process, sampling the server's memory meanwhile. */
async function load(serverPid: number, scenario: Record<string, unknown>): Promise<{ result: any; peakRss: number }> {
  let peak = rssMb(serverPid)
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(serverPid))
  }, 200)
  const tmp = join(tmpdir(), `paraphe-scenario-${process.pid}.json`)
  writeFileSync(tmp, JSON.stringify(scenario))
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', tmp], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`load generator exited ${code}`))))
  })
  clearInterval(timer)
  rmSync(tmp, { force: true })
  return { result: JSON.parse(output), peakRss: peak }
}

function toRow(database: string, scenario: string, result: any, peakRss: number): Row {
  return {
    database,
    scenario,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    failed: result['4xx'] + result['5xx'],
    peakRssMb: Math.round(peakRss),
  }
}

async function prepareDatabase(kind: string): Promise<{ env: Record<string, string>; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = join(tmpdir(), `paraphe-bench-${kind}`)
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  const started = Date.now()
  // The load comes from loopback: one "network" far above any real one's budget.
  const content = join(dataDir, 'content')
  cpSync('content', content, { recursive: true })
  const toml = readFileSync(join(content, 'site.toml'), 'utf8').replace(/^allow_networks = .*$/m, 'allow_networks = ["127.0.0.0/8", "::1/128"]')
  writeFileSync(join(content, 'site.toml'), toml)
  let env: Record<string, string> = { DATA_DIR: dataDir, CONTENT_DIR: content }
  let cleanup = async () => {}
  if (kind === 'sqlite') {
    const handle = openDatabase({ sqliteFile: join(dataDir, 'paraphe.sqlite') })
    await migrateToLatest(handle.db)
    await handle.close()
    seedSqlite(join(dataDir, 'paraphe.sqlite'), ROWS)
    const again = openDatabase({ sqliteFile: join(dataDir, 'paraphe.sqlite') })
    await rebuildCounters(again.db, site, new Date())
    await again.close()
  } else {
    const admin = new pg.Client({ connectionString: PG_ADMIN })
    await admin.connect()
    await admin.query('drop database if exists paraphe_bench with (force)')
    await admin.query('create database paraphe_bench')
    await admin.end()
    const url = new URL(PG_ADMIN)
    url.pathname = '/paraphe_bench'
    env = { ...env, DATABASE_URL: url.toString() }
    const handle = openDatabase({ databaseUrl: url.toString(), sqliteFile: '' })
    await migrateToLatest(handle.db)
    await handle.close()
    await seedPostgres(url.toString(), ROWS)
    const again = openDatabase({ databaseUrl: url.toString(), sqliteFile: '' })
    await rebuildCounters(again.db, site, new Date())
    await again.close()
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN })
      await c.connect()
      await c.query('drop database if exists paraphe_bench with (force)')
      await c.end()
    }
  }
  console.log(`${kind}: seeded ${ROWS.toLocaleString('en')} confirmed + ${PENDING_FOR_CONFIRM.toLocaleString('en')} pending signatures in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { env, dataDir, cleanup }
}

async function main() {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' })
  const rows: Row[] = []
  const startups: Record<string, number> = {}
  const mailBursts: Record<string, unknown> = {}
  const sink = fork('bench/smtp-sink.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const sinkPort: number = await new Promise((resolve) => sink.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()).port)))
  const received = () => new Promise<number>((resolve) => {
    sink.once('message', (m: any) => resolve(m.received))
    sink.send('count')
  })

  for (const kind of DATABASES) {
    const db = await prepareDatabase(kind)
    const port = 3900
    const started = Date.now()
    const server = spawn(process.execPath, [...productionNodeFlags(), 'dist/src/main.js'], {
      env: { ...process.env, ...db.env, PORT: String(port), HOST: '127.0.0.1', SECRET, SMTP_URL: `smtp://127.0.0.1:${sinkPort}`, BASE_URL: `http://127.0.0.1:${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await waitForLine(server, /listening/)
    startups[kind] = Date.now() - started
    const base = `http://127.0.0.1:${port}`

    // The ceiling: the same bytes as GET /, from a bare node:http server.
    const home = Buffer.from(await (await fetch(base + '/')).arrayBuffer())
    const bodyFile = join(db.dataDir, 'home.html')
    writeFileSync(bodyFile, home)
    const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', bodyFile, '3901'], { stdio: ['ignore', 'pipe', 'pipe'] })
    await waitForLine(bare, /listening/)
    await load(bare.pid!, { url: 'http://127.0.0.1:3901/', connections: CONNECTIONS, duration: 2 })
    const ceiling = await load(bare.pid!, { url: 'http://127.0.0.1:3901/', connections: CONNECTIONS, duration: DURATION })
    bare.kill()
    const ceilingRow = toRow(kind, 'ceiling: bare node:http, same bytes as GET /', ceiling.result, ceiling.peakRss)
    rows.push(ceilingRow)

    // A deep page of the list: the cursor of the signature 90 % down the list.
    const deepCursor = encodeCursor(new Date(Date.parse('2026-06-01T00:00:00.000Z') + Math.floor(ROWS * 0.1) * 5000).toISOString(), Math.floor(ROWS * 0.1) + 1)
    const pages: [string, string][] = [
      ['GET /', '/'],
      ['GET /en/', '/en/'],
      ['GET /signatories', '/signatories'],
      ['GET /signatories (deep page)', `/signatories?after=${deepCursor}`],
      ['GET /signatories?q=martin', '/signatories?q=martin'],
      // A term found nowhere: the search reads one window of the list, not all of it.
      ['GET /signatories?q=zzzq (no match)', '/signatories?q=zzzq'],
      ['GET /api/v1/stats', '/api/v1/stats'],
      ['GET /badge.svg', '/badge.svg'],
    ]
    for (const [name, path] of pages) {
      const probe = await fetch(base + path)
      if (probe.status === 404) {
        console.log(`${kind}: ${name} is not served (404), skipped`)
        continue
      }
      await load(server.pid!, { url: base + path, connections: CONNECTIONS, duration: 2 })
      const { result, peakRss } = await load(server.pid!, { url: base + path, connections: CONNECTIONS, duration: DURATION })
      const r = toRow(kind, name, result, peakRss)
      console.log(`${kind}: ${name}: ${r.requestsPerSecond} req/s, p99 ${r.p99} ms`)
      if (name.startsWith('GET /') && (path === '/' || path === '/en/')) r.ratioToCeiling = Math.round((r.requestsPerSecond / ceilingRow.requestsPerSecond) * 100) / 100
      rows.push(r)
    }

    const mailsBefore = await received()
    const signForm = 'first_name=Bench&last_name=Mark&email=bench-[<id>]%40univ-lille.fr&category=researcher&institution=Lille&discipline=&comment=&public=1&consent=1&website='
    const sign = await load(server.pid!, {
      url: base + '/sign',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: signForm,
      idReplacement: true,
      connections: CONNECTIONS,
      duration: DURATION,
    })
    rows.push(toRow(kind, 'POST /sign (distinct addresses)', sign.result, sign.peakRss))

    const confirms = confirmRequests(SECRET)
    const confirm = await load(server.pid!, {
      url: base + '/confirm',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      paths: confirms.paths,
      bodies: confirms.bodies,
      connections: CONNECTIONS,
      duration: Math.min(DURATION, 10),
    })
    rows.push(toRow(kind, 'POST /confirm/<token>', confirm.result, confirm.peakRss))

    // Every mail queued by the signing scenario reaches the SMTP server, none lost.
    const expected: number = sign.result['3xx']
    const burstStart = Date.now()
    let delivered = (await received()) - mailsBefore
    while (delivered < expected && Date.now() - burstStart < 300_000) {
      await sleep(500)
      delivered = (await received()) - mailsBefore
    }
    mailBursts[kind] = { expected, delivered, seconds: (Date.now() - burstStart) / 1000 }

    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    await db.cleanup()
  }
  sink.kill()

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    settings: { rows: ROWS, durationSeconds: DURATION, connections: CONNECTIONS },
    startupMs: startups,
    mailDelivery: mailBursts,
    results: rows,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', JSON.stringify(report, null, 2) + '\n')
  console.table(rows)
  console.log('start-up (ms):', startups)
  console.log('mail delivery after the signing burst:', mailBursts)
  console.log('written to bench/results/latest.json')
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
