import { describe, expect, it } from 'vitest'
import { inNetworks, networkKey, networkPrefix, parseNetwork } from './network.js'

describe('networkPrefix', () => {
  it('keeps the /24 of an IPv4 address, also when mapped in IPv6, however the mapping is written', () => {
    expect(networkPrefix('192.0.2.77')).toBe('192.0.2.0/24')
    expect(networkPrefix('::ffff:192.0.2.77')).toBe('192.0.2.0/24')
    expect(networkPrefix('::FFFF:192.0.2.77')).toBe('192.0.2.0/24')
    expect(networkPrefix('::ffff:c000:0201')).toBe('192.0.2.0/24')
  })
  it('keeps the /48 of an IPv6 address, whichever way it is written', () => {
    expect(networkPrefix('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48')
    expect(networkPrefix('2001:db8::1')).toBe('2001:db8:0::/48')
    expect(networkPrefix('2001:0DB8:0000:0000::1')).toBe('2001:db8:0::/48')
    expect(networkPrefix('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1::/48')
    expect(networkPrefix('::1')).toBe('0:0:0::/48')
  })
  it('puts everything that is not an address in one network', () => {
    expect(networkPrefix('unknown')).toBe('unknown')
    expect(networkPrefix('192.0.2.1:8080')).toBe('unknown')
  })
})

describe('networkKey', () => {
  it('is the same for two addresses of one network and hides the address', () => {
    const secret = 's'.repeat(32)
    expect(networkKey(secret, '192.0.2.1')).toBe(networkKey(secret, '192.0.2.200'))
    expect(networkKey(secret, '192.0.2.1')).not.toBe(networkKey(secret, '192.0.3.1'))
    expect(networkKey(secret, '192.0.2.1')).not.toContain('192')
  })
})

describe('allow-listed networks', () => {
  it('match IPv4, IPv4-mapped and IPv6 addresses by prefix', () => {
    expect(inNetworks('192.0.2.77', ['192.0.2.0/24'])).toBe(true)
    expect(inNetworks('::ffff:192.0.2.77', ['192.0.2.0/24'])).toBe(true)
    expect(inNetworks('192.0.3.1', ['192.0.2.0/24'])).toBe(false)
    expect(inNetworks('2001:db8:1::5', ['2001:db8::/32'])).toBe(true)
    expect(inNetworks('2001:DB8:1::5', ['2001:db8::/32'])).toBe(true)
    expect(inNetworks('2001:db9::5', ['2001:db8::/32'])).toBe(false)
    expect(inNetworks('::1', ['127.0.0.0/8', '::1/128'])).toBe(true)
    expect(inNetworks('not an address', ['0.0.0.0/0'])).toBe(false)
  })
  it('ignore an entry that is no network rather than match everything with it', () => {
    expect(parseNetwork('192.0.2.0/40')).toBeUndefined()
    expect(parseNetwork('999.0.2.0/24')).toBeUndefined()
    expect(parseNetwork('2001:db8::/32')).toEqual({ family: 'ipv6', address: '2001:db8::', prefix: 32 })
    expect(inNetworks('192.0.2.1', ['192.0.2.0/40', '999.0.0.0/8'])).toBe(false)
  })
})
