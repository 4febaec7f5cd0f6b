// Who is asking, as far as rate limits and abuse heuristics are concerned. The
// socket's address is the truth unless the operator says how many reverse proxies
// stand in front: then the address is read that many hops from the right of
// X-Forwarded-For, so a client cannot forge its way to a fresh budget.
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

export function clientAddress(c: Context, trustedProxyHops: number): string {
  const socket = getConnInfo(c).remote.address ?? 'unknown'
  if (trustedProxyHops === 0) return socket
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  // The last entry was added by the nearest proxy, and so on leftwards.
  return forwarded[forwarded.length - trustedProxyHops] ?? forwarded[0] ?? socket
}
