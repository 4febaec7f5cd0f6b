// A client's network, not its address: IPv4 truncated to /24 and IPv6 to /48, then
// hashed with the server's secret. Enough to see a burst from one network, not
// enough to say who someone is; and it is purged after a few days.
// Addresses are read by node:net, which knows every way of writing one (::ffff:c000:201
// is 192.0.2.1, 2001:DB8:0::1 is 2001:db8::1), rather than split by hand.
import { createHmac } from 'node:crypto'
import { BlockList, isIP, SocketAddress } from 'node:net'

/**
 * An address as node:net writes it: IPv6 in its canonical short form (lower case,
 * no leading zeros, the longest run of zeros as ::), an IPv4-mapped one as plain
 * IPv4; undefined for anything but an address.
 */
function canonicalAddress(address: string): { family: 'ipv4' | 'ipv6'; address: string } | undefined {
  const kind = isIP(address)
  if (kind === 0) return undefined
  const family = kind === 4 ? 'ipv4' : 'ipv6'
  const canonical = new SocketAddress({ address, family }).address
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical)
  return mapped ? { family: 'ipv4', address: mapped[1]! } : { family, address: canonical }
}

/** The network prefix of an address: "192.0.2.0/24", "2001:db8:1::/48". */
export function networkPrefix(address: string): string {
  const ip = canonicalAddress(address)
  if (!ip) return 'unknown'
  if (ip.family === 'ipv4') return `${ip.address.split('.').slice(0, 3).join('.')}.0/24`
  // In the canonical form the groups before :: are written out and at least one zero
  // group follows them: the first three groups are those, then zeros.
  const written = ip.address.split('::')[0]!.split(':').filter(Boolean)
  return `${[...written, '0', '0', '0'].slice(0, 3).join(':')}::/48`
}

/** A keyed, short hash of the network: comparable, not reversible without the secret. */
export function networkKey(secret: string, address: string): string {
  return createHmac('sha256', secret)
    .update(`net:${networkPrefix(address)}`)
    .digest('base64url')
    .slice(0, 16)
}

/**
 * A CIDR network ("192.0.2.0/24", "2001:db8::/32") as node:net takes it, or undefined
 * when it is not one (a bad address, a prefix longer than the address).
 */
export function parseNetwork(
  cidr: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim())
  const ip = match && canonicalAddress(match[1]!)
  if (!ip) return undefined
  const prefix = Number(match[2])
  return prefix <= (ip.family === 'ipv4' ? 32 : 128) ? { ...ip, prefix } : undefined
}

// The allow-lists of the config are frozen arrays read on every request: each is
// turned into a BlockList once.
const lists = new WeakMap<readonly string[], BlockList>()

function blockListOf(networks: readonly string[]): BlockList {
  let list = lists.get(networks)
  if (!list) {
    list = new BlockList()
    for (const cidr of networks) {
      const network = parseNetwork(cidr)
      if (network) list.addSubnet(network.address, network.prefix, network.family)
    }
    lists.set(networks, list)
  }
  return list
}

/** True when the address lies in one of the CIDR networks; an IPv4-mapped address counts as IPv4. */
export function inNetworks(address: string, networks: readonly string[]): boolean {
  const ip = canonicalAddress(address)
  return ip !== undefined && blockListOf(networks).check(ip.address, ip.family)
}
