import { describe, expect, it } from 'vitest'
import { snapshot } from './snapshot.js'

function source() {
  let value = 0
  let reads = 0
  return {
    read: async () => {
      reads++
      return value
    },
    set: (v: number) => (value = v),
    reads: () => reads,
  }
}

describe('a snapshot of numbers', () => {
  it('reads its source at most once per age, however many ask', async () => {
    let clock = 0
    const s = source()
    const numbers = snapshot(s.read, 1000, () => clock)
    await Promise.all(Array.from({ length: 50 }, () => numbers.get()))
    clock = 999
    s.set(1)
    expect(await numbers.get()).toBe(0)
    expect(s.reads()).toBe(1)
    expect(numbers.reads()).toBe(1)
    clock = 1000
    expect(await numbers.get()).toBe(1)
    expect(s.reads()).toBe(2)
  })

  it('reads on every request when its age is 0', async () => {
    const s = source()
    const numbers = snapshot(s.read, 0)
    await numbers.get()
    s.set(5)
    expect(await numbers.get()).toBe(5)
    expect(s.reads()).toBe(2)
  })

  it('keeps no failed read: the next request reads again', async () => {
    let fail = true
    const numbers = snapshot(
      async () => {
        if (fail) throw new Error('database unreachable')
        return 7
      },
      1000,
      () => 0,
    )
    await expect(numbers.get()).rejects.toThrow('unreachable')
    fail = false
    expect(await numbers.get()).toBe(7)
  })

  it('shows the last numbers read while its source fails, and reads again at each request meanwhile', async () => {
    let clock = 0
    let fail = false
    let value = 3
    const numbers = snapshot(
      async () => {
        if (fail) throw new Error('database unreachable')
        return value
      },
      1000,
      () => clock,
    )
    expect(await numbers.get()).toBe(3)
    fail = true
    clock = 5000
    expect(await numbers.get()).toBe(3)
    expect(await numbers.get()).toBe(3)
    expect(numbers.reads()).toBe(3)
    fail = false
    value = 4
    expect(await numbers.get()).toBe(4)
  })
})
