// What a process costs, read from /proc: CPU time (all threads, user + system) and
// resident memory, current and peak.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100

/** CPU seconds the process has used so far: utime + stime of /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14 and 15 of the file, 12th and 13th after the name and state.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}

function statusKb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
}

export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024
/** The most memory the process has held resident since it started. */
export const peakRssMb = (pid: number): number => statusKb(pid, 'VmHWM') / 1024

/** Samples a process's RSS until stopped; returns the highest value seen. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = rssMb(pid)
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid))
    } catch {
      // The process ended; keep what was seen.
    }
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return peak
    },
  }
}
