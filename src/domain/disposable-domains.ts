// Throwaway mail services, from the maintained list of the disposable-email-domains
// package (offline, ~120,000 domains), loaded once into a Set.
import { createRequire } from 'node:module'

let domains: Set<string> | undefined

function load(): Set<string> {
  domains ??= new Set(createRequire(import.meta.url)('disposable-email-domains') as string[])
  return domains
}

/** True for a disposable domain or any subdomain of one. */
export function isDisposableDomain(domain: string): boolean {
  const set = load()
  const labels = domain.toLowerCase().split('.')
  for (let i = 0; i < labels.length - 1; i++) if (set.has(labels.slice(i).join('.'))) return true
  return false
}
