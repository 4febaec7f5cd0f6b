// A client's network, not its address: IPv4 truncated to /24 and IPv6 to /48, then
// hashed with the server's secret. Enough to see a burst from one network, not
// enough to say who someone is; and it is purged after a few days.
import { createHmac } from 'node:crypto'
import { isIPv4, isIPv6 } from 'node:net'

/** The network prefix of an address: "192.0.2.0/24", "2001:db8:1::/48". */
export function networkPrefix(address: string): string {
  const ip = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`
  if (isIPv6(ip)) {
    const [head = '', tail = ''] = ip.split('::')
    const headParts = head ? head.split(':') : []
    const tailParts = tail ? tail.split(':') : []
    const missing = 8 - headParts.length - tailParts.length
    const groups = ip.includes('::')
      ? [...headParts, ...Array(Math.max(missing, 0)).fill('0'), ...tailParts]
      : headParts
    return `${groups
      .slice(0, 3)
      .map((g) => (Number.parseInt(g || '0', 16) || 0).toString(16))
      .join(':')}::/48`
  }
  return 'unknown'
}

/** A keyed, short hash of the network: comparable, not reversible without the secret. */
export function networkKey(secret: string, address: string): string {
  return createHmac('sha256', secret)
    .update(`net:${networkPrefix(address)}`)
    .digest('base64url')
    .slice(0, 16)
}
