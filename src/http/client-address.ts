// Who is asking, as far as rate limits and abuse heuristics are concerned. The
// socket's address is the truth unless the operator says how many reverse proxies
// stand in front: then the address is read that many hops from the right of
// X-Forwarded-For, so a client cannot forge its way to a fresh budget.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { isIP } from 'node:net'

export function clientAddress(c: Context, trustedProxyHops: number): string {
  const socket = getConnInfo(c).remote.address ?? 'unknown'
  if (trustedProxyHops === 0) return socket
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  // The last entry was added by the nearest proxy, and so on leftwards.
  const entry = forwarded[forwarded.length - trustedProxyHops] ?? forwarded[0]
  // Anything but an address ("unknown", a host name, "1.2.3.4:5678", markup) is not
  // one: every distinct string would otherwise be a network of its own with a budget
  // of its own. The socket (the proxy) is the client then, which is the safe side.
  return entry !== undefined && isIP(entry) !== 0 ? entry : socket
}

/** Loopback names and addresses: a server bound to one is reachable only through the proxy on its machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return (
    h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h)
  )
}

/**
 * The line start-up logs when the server trusts X-Forwarded-For and yet listens
 * beyond loopback: whoever reaches it without the proxy chooses the address it sees.
 */
export function proxyExposureWarning(host: string, trustedProxyHops: number): string | undefined {
  if (trustedProxyHops === 0 || isLoopbackHost(host)) return undefined
  return `warning: TRUSTED_PROXY_HOPS=${trustedProxyHops} trusts X-Forwarded-For, but HOST=${host} also lets clients reach the server without the proxy and pick the address it sees: bind HOST=127.0.0.1 (or the address only the proxy reaches)`
}
