import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  appendToFrontier,
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  memoryReader,
  nodesNeeded,
  rootFromFrontier,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle.js'

// The reference leaves and tree heads of Certificate Transparency (RFC 6962, whose
// tree RFC 9162 keeps unchanged), as published with its implementations' tests.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]
  .map((h) => Buffer.from(h, 'hex'))
  .map(leafHash)
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]
const hex = (hs: Hash[]) => hs.map((h) => h.toString('hex'))
const read = memoryReader(LEAVES)

describe('the Merkle tree of RFC 9162', () => {
  it('gives the reference root for every size from 0 to 8', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(ROOTS[0])
    for (let n = 0; n <= 8; n++) expect(rootOf(read, n).toString('hex'), `size ${n}`).toBe(ROOTS[n])
  })

  it('gives the reference inclusion proofs', () => {
    expect(hex(inclusionProof(read, 0, 8))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ])
    expect(hex(inclusionProof(read, 5, 8))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ])
  })

  it('gives the reference consistency proofs', () => {
    expect(hex(consistencyProof(read, 2, 8))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ])
    expect(hex(consistencyProof(read, 6, 8))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ])
    expect(hex(consistencyProof(read, 2, 5))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ])
  })

  const many = Array.from({ length: 48 }, (_, i) => leafHash(Buffer.of(i, i * 3)))
  const readMany = memoryReader(many)

  it('verifies every inclusion proof of every size, and rejects a wrong leaf, index or root', () => {
    for (let n = 1; n <= many.length; n++) {
      const root = rootOf(readMany, n)
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(readMany, i, n)
        expect(verifyInclusion(many[i]!, i, n, proof, root)).toBe(true)
        if (n > 1) {
          expect(verifyInclusion(many[(i + 1) % n]!, i, n, proof, root)).toBe(false)
          expect(verifyInclusion(many[i]!, (i + 1) % n, n, proof, root)).toBe(false)
        }
        expect(verifyInclusion(many[i]!, i, n, proof, EMPTY_ROOT)).toBe(false)
      }
    }
  })

  it('verifies every consistency proof between two sizes, and rejects one against another root', () => {
    for (let m = 1; m <= 40; m++)
      for (let n = m; n <= 45; n++) {
        const proof = consistencyProof(readMany, m, n)
        const first = rootOf(readMany, m)
        const second = rootOf(readMany, n)
        expect(verifyConsistency(m, n, first, second, proof), `${m}→${n}`).toBe(true)
        if (m < n) {
          expect(verifyConsistency(m, n, rootOf(readMany, m - 1), second, proof)).toBe(false)
          expect(verifyConsistency(m, n, first, rootOf(readMany, n - 1), proof)).toBe(false)
        }
      }
  })

  it('keeps, by appending to a frontier, the root and the subtrees a full recomputation gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (n) => {
        let frontier: Hash[] = []
        const stored = new Map<string, Hash>()
        for (let i = 0; i < n; i++) {
          const step = appendToFrontier(frontier, i, many[i % many.length]!)
          frontier = step.frontier
          for (const c of step.completed) stored.set(`${c.level}:${c.index}`, c.hash)
        }
        const leaves = Array.from({ length: n }, (_, i) => many[i % many.length]!)
        const reference = memoryReader(leaves)
        expect(rootFromFrontier(frontier).equals(rootOf(reference, n))).toBe(true)
        // Every node a proof asks for was stored by the appends, with the same hash.
        for (const key of nodesNeeded((r) => inclusionProof(r, n - 1, n)))
          expect(stored.get(`${key.level}:${key.index}`)?.equals(reference(key))).toBe(true)
      }),
    )
  })

  it('reads O(log n) stored nodes for a proof in a log of a million entries', () => {
    const size = 1_000_000
    expect(nodesNeeded((r) => inclusionProof(r, 123_456, size)).length).toBeLessThanOrEqual(40)
    expect(nodesNeeded((r) => consistencyProof(r, 654_321, size)).length).toBeLessThanOrEqual(40)
    expect(nodesNeeded((r) => rootOf(r, size)).length).toBeLessThanOrEqual(20)
  })
})
