// The load generator: wrk (Debian), in its own process, with a Lua script per
// scenario. bench/lua/report.lua is prepended to each script: its `done` hook prints
// one JSON line that this module reads.
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface WrkSettings {
  threads: number
  connections: number
  /** Seconds. */
  duration: number
  /** Request headers, the same for a scenario and the ceiling it is compared with. */
  headers?: Record<string, string>
}

export interface WrkResult {
  requests: number
  /** Seconds the load ran: the duration, or less when every thread ran out of work. */
  seconds: number
  bytes: number
  latencyUs: { p50: number; p90: number; p99: number; max: number; mean: number }
  errors: { connect: number; read: number; write: number; status: number; timeout: number }
  /** Answers by status, for the scenarios whose script checks each one (POSTs). */
  statuses: Record<string, number>
  ranOutOfWork: boolean
  /** CPU time of the whole wrk process, all threads. */
  generatorCpuSeconds: number
}

/** Installs wrk from Debian when it is missing (the bench runs as root on its machine). */
export function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (err) {
    // wrk --version exits 1 after printing its version: only a missing binary matters.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return
    console.log('wrk is missing: apt-get install -y wrk')
    execFileSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'inherit' })
  }
}

/** Writes report.lua followed by the scenario's script into dir, and returns the file. */
export function scriptFile(dir: string, scenario: 'get' | 'sign' | 'confirm'): string {
  const here = new URL('./lua/', import.meta.url)
  const text =
    readFileSync(new URL('report.lua', here), 'utf8') +
    '\n' +
    readFileSync(new URL(`${scenario}.lua`, here), 'utf8')
  const file = join(dir, `wrk-${scenario}.lua`)
  writeFileSync(file, text)
  return file
}

export async function runWrk(
  url: string,
  script: string,
  settings: WrkSettings,
  scriptArgs: string[] = [],
): Promise<WrkResult> {
  const args = [
    '--threads',
    String(settings.threads),
    '--connections',
    String(settings.connections),
    '--duration',
    `${settings.duration}s`,
    // Slow answers are measured, not dropped as errors after wrk's default 2 s.
    '--timeout',
    '10s',
    '--script',
    script,
  ]
  for (const [name, value] of Object.entries(settings.headers ?? {}))
    args.push('--header', `${name}: ${value}`)
  args.push(url)
  if (scriptArgs.length > 0) args.push('--', ...scriptArgs)
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${err || out}`)),
    )
  })
  const line = output.split('\n').find((l) => l.startsWith('BENCH_JSON '))
  if (!line) throw new Error(`wrk printed no result:\n${output}`)
  return JSON.parse(line.slice('BENCH_JSON '.length)) as WrkResult
}
