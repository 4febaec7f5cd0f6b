import { describe, expect, it } from 'vitest'
import { networkKey, networkPrefix } from './network.js'

describe('networkPrefix', () => {
  it('keeps the /24 of an IPv4 address, also when mapped in IPv6', () => {
    expect(networkPrefix('192.0.2.77')).toBe('192.0.2.0/24')
    expect(networkPrefix('::ffff:192.0.2.77')).toBe('192.0.2.0/24')
  })
  it('keeps the /48 of an IPv6 address', () => {
    expect(networkPrefix('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48')
    expect(networkPrefix('2001:db8::1')).toBe('2001:db8:0::/48')
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
