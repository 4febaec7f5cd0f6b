// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: the same
// hashes, split rule and proofs as every other transparency log, so that anyone can
// check ours with their own code. Leaves are hashed SHA-256(0x00 || data), interior
// nodes SHA-256(0x01 || left || right): the prefixes keep a leaf from passing for a
// node. A tree of n leaves splits at k, the largest power of two below n.
//
// The log keeps every complete, aligned subtree it has built (level, index: the
// 2^level leaves from index·2^level), so any subtree hash the algorithms below ask
// for is the fold of at most log2(n) stored ones. The algorithms take a reader of
// those stored hashes; `nodesNeeded` runs them once to learn which to fetch, so that
// a proof costs one query of O(log n) rows whatever the size of the log.
import { createHash } from 'node:crypto'

export type Hash = Buffer

/** SHA-256 of nothing: the root of the empty tree. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest()

export function leafHash(data: Uint8Array): Hash {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest()
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  return createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest()
}

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/** A stored complete subtree: its 2^level leaves start at index·2^level. */
export interface NodeKey {
  level: number
  index: number
}

export type NodeReader = (key: NodeKey) => Hash

/** The hash of the leaves [start, end): complete subtrees are read, the ragged right edge is folded. */
function subtreeHash(read: NodeReader, start: number, end: number): Hash {
  const size = end - start
  if (size === 0) return EMPTY_ROOT
  // A power of two starting on a multiple of itself: one stored node.
  if ((size & (size - 1)) === 0 && start % size === 0)
    return read({ level: Math.log2(size), index: start / size })
  const k = splitPoint(size)
  return nodeHash(subtreeHash(read, start, start + k), subtreeHash(read, start + k, end))
}

/** MTH of the first `size` leaves. */
export function rootOf(read: NodeReader, size: number): Hash {
  return subtreeHash(read, 0, size)
}

/** PATH(m, D[n]) of RFC 9162 section 2.1.3.1: the audit path of leaf m in the tree of size n. */
export function inclusionProof(read: NodeReader, index: number, size: number): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`no leaf ${index} in a tree of ${size}`)
  const path = (m: number, start: number, end: number): Hash[] => {
    const n = end - start
    if (n === 1) return []
    const k = splitPoint(n)
    return m < k
      ? [...path(m, start, start + k), subtreeHash(read, start + k, end)]
      : [...path(m - k, start + k, end), subtreeHash(read, start, start + k)]
  }
  return path(index, 0, size)
}

/** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1: that the tree of size m is a prefix of the tree of size n. */
export function consistencyProof(read: NodeReader, first: number, second: number): Hash[] {
  if (!(first >= 0 && first <= second)) throw new RangeError(`no consistency from ${first} to ${second}`)
  if (first === 0 || first === second) return []
  const subproof = (m: number, start: number, end: number, whole: boolean): Hash[] => {
    const n = end - start
    if (m === n) return whole ? [] : [subtreeHash(read, start, end)]
    const k = splitPoint(n)
    return m <= k
      ? [...subproof(m, start, start + k, whole), subtreeHash(read, start + k, end)]
      : [...subproof(m - k, start + k, end, false), subtreeHash(read, start, start + k)]
  }
  return subproof(first, 0, second, true)
}

/** Which stored nodes a computation reads: run it once against this, fetch them, run it for real. */
export function nodesNeeded(compute: (read: NodeReader) => unknown): NodeKey[] {
  const seen = new Map<string, NodeKey>()
  compute((key) => {
    seen.set(`${key.level}:${key.index}`, key)
    return EMPTY_ROOT
  })
  return [...seen.values()]
}

/**
 * The complete subtrees of a tree of `size` leaves, largest first (one per bit set
 * in size): all it takes to append a leaf or compute the root, kept in the log's head.
 */
export function rootFromFrontier(frontier: readonly Hash[]): Hash {
  if (frontier.length === 0) return EMPTY_ROOT
  let root = frontier[frontier.length - 1]!
  for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i]!, root)
  return root
}

/**
 * Appends the leaf at position `size`: returns the new frontier and every subtree
 * the leaf completes (the leaf itself included), to be stored.
 */
export function appendToFrontier(
  frontier: readonly Hash[],
  size: number,
  leaf: Hash,
): { frontier: Hash[]; completed: (NodeKey & { hash: Hash })[] } {
  const next = [...frontier]
  const completed = [{ level: 0, index: size, hash: leaf }]
  let hash = leaf
  let level = 0
  let index = size
  // Each trailing 1 bit of size is a complete subtree on the left waiting for its twin.
  while (index % 2 === 1) {
    hash = nodeHash(next.pop()!, hash)
    level += 1
    index = Math.floor(index / 2)
    completed.push({ level, index, hash })
  }
  next.push(hash)
  return { frontier: next, completed }
}

/** RFC 9162 section 2.1.3.2: does `proof` lead from the leaf at `index` to `root`? */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  size: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (!(index >= 0 && index < size)) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      if (fn % 2 === 0) {
        // Climb past the levels where this node had no right sibling.
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && r.equals(root)
}

/** RFC 9162 section 2.1.4.2: is the tree (first, firstRoot) a prefix of (second, secondRoot)? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: readonly Hash[],
): boolean {
  if (!(first >= 0 && first <= second)) return false
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot)
  if (first === 0) return proof.length === 0
  if (proof.length === 0) return false
  // When first is a power of two its root is the first node of the path, not sent.
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof]
  let fn = first - 1
  let sn = second - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0]!
  let sr = path[0]!
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot)
}

/** A reader over leaf hashes held in memory (the verifier, tests): builds stored nodes on demand. */
export function memoryReader(leaves: readonly Hash[]): NodeReader {
  const cache = new Map<string, Hash>()
  const read: NodeReader = ({ level, index }) => {
    if (level === 0) {
      const leaf = leaves[index]
      if (!leaf) throw new RangeError(`no leaf ${index}`)
      return leaf
    }
    const key = `${level}:${index}`
    let hash = cache.get(key)
    if (!hash) {
      hash = nodeHash(
        read({ level: level - 1, index: 2 * index }),
        read({ level: level - 1, index: 2 * index + 1 }),
      )
      cache.set(key, hash)
    }
    return hash
  }
  return read
}
