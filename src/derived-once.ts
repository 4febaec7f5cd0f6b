/**
 * What is derived from (a part of) the configuration, computed the first time it is
 * asked for and kept as long as that configuration lives: compiled patterns,
 * validation schemas, renderers. Each running server has its own configuration,
 * and so its own copy.
 */
export function derivedOnce<K extends object, V>(derive: (from: K) => V): (from: K) => V {
  const kept = new WeakMap<K, V>()
  return (from) => {
    if (!kept.has(from)) kept.set(from, derive(from))
    return kept.get(from)!
  }
}
