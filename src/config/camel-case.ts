// site.toml speaks snake_case, as TOML files do; the code reads camelCase. One rule
// turns the first into the second, for the types as for the values, so that a new
// setting needs no line of mapping.

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

export type CamelCaseKeys<T> = { readonly [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] }

/** The same object with camelCase keys (one level deep), frozen with its arrays. */
export function camelCaseKeys<T extends object>(section: T): CamelCaseKeys<T> {
  return Object.freeze(
    Object.fromEntries(
      Object.entries(section).map(([key, value]) => [
        key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
        Array.isArray(value) ? Object.freeze(value) : value,
      ]),
    ),
  ) as CamelCaseKeys<T>
}
