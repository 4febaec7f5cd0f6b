// A message catalogue is data: a TOML file of ICU MessageFormat strings (fr.toml is the
// reference, with every key and every parameter), read and checked once at start-up.
// A collective adds a language with content/<lang>/messages.toml and no code; a key it
// forgot, or a parameter the reference does not give, stops start-up with one message
// naming the file and every key concerned.
import { readFileSync } from 'node:fs'
import { type Formatters, IntlMessageFormat } from 'intl-messageformat'
import { parse as parseToml } from 'smol-toml'
import { ConfigError } from '../config/error.js'
import { atPlace, ofName } from './french.js'
import type { MessageData } from './messages.js'
import { typeset } from './typeset.js'

/** The catalogue of one locale: its messages, and numbers and dates written as its readers write them. */
export type Messages = MessageData & {
  /** A number with the locale's separators: «1 000», «1,000». */
  number(n: number): string
  /** A day (an ISO-8601 string or a Date, read in UTC): «1er décembre 2026», «1 December 2026». */
  date(day: string | Date): string
}

/** A value a message inserts: text, a number, a yes or no for `select`, null for «unknown». */
export type MessageValue = string | number | boolean | null

// French joins «de» and «à» to the name that follows («d’Élise», «au Lycée Fermat»):
// written {name, de} and {institution, à} in a French catalogue. ICU has no such
// argument type, so each becomes an argument of its own, computed before formatting.
const JOINS: Record<string, Record<string, (name: string) => string>> = {
  fr: { de: ofName, à: atPlace },
}
const JOIN = /\{\s*([\p{L}\w]+)\s*,\s*([\p{L}]+)\s*\}/gu

/** How each parameter of a message is used: as text, a number, or a choice. */
export type ParamUse = 'text' | 'number' | 'boolean' | 'nullable-number'

interface Compiled {
  params: Map<string, ParamUse>
  /** Undefined for a message without parameters: its text, formatted once. */
  format?: (values: Record<string, MessageValue>) => string
  text?: string
}

// The node kinds of intl-messageformat's syntax tree (its TYPE enum).
const ARGUMENT = 1
const NUMBER = 2
const SELECT = 5
const PLURAL = 6

interface AstNode {
  type: number
  value?: string
  options?: Record<string, { value: AstNode[] }>
}

function collectParams(nodes: AstNode[], into: Map<string, ParamUse>) {
  const note = (name: string, use: ParamUse) => {
    const before = into.get(name)
    if (before === undefined || before === 'text') into.set(name, use)
    else if ((before === 'number' && use === 'boolean') || (before === 'boolean' && use === 'number'))
      into.set(name, 'nullable-number')
  }
  for (const node of nodes) {
    if (node.type === ARGUMENT) note(node.value!, 'text')
    else if (node.type === NUMBER || node.type === PLURAL) note(node.value!, 'number')
    else if (node.type === SELECT) {
      const cases = Object.keys(node.options ?? {})
      if (cases.includes('null')) note(node.value!, 'nullable-number')
      else if (cases.every((c) => c === 'true' || c === 'false' || c === 'other'))
        note(node.value!, 'boolean')
      else note(node.value!, 'text')
    }
    for (const option of Object.values(node.options ?? {})) collectParams(option.value, into)
  }
}

/**
 * Intl's formatters for one language tag, shared by all the messages of a catalogue:
 * left to itself, intl-messageformat builds a cache of its own for each message, which
 * took most of the start-up's 120 ms per catalogue.
 */
function formattersFor(intl: string): Formatters {
  const cached = <T>(make: (options?: object) => T) => {
    const byOptions = new Map<string, T>()
    return (_locales?: unknown, options?: object): T => {
      const key = options === undefined ? '' : JSON.stringify(options)
      let formatter = byOptions.get(key)
      if (formatter === undefined) {
        formatter = make(options)
        byOptions.set(key, formatter)
      }
      return formatter
    }
  }
  return {
    getNumberFormat: cached((o) => new Intl.NumberFormat(intl, o)),
    getDateTimeFormat: cached((o) => new Intl.DateTimeFormat(intl, o)),
    getPluralRules: cached((o) => new Intl.PluralRules(intl, o)),
  }
}

/** Parses one message; throws with the ICU parser's own words when it is not valid. */
export function compileMessage(
  source: string,
  locale: string,
  intl: string,
  formatters: Formatters = formattersFor(intl),
): Compiled {
  // Most messages are plain text: nothing for the parser to read (a quote ' is ICU's escape).
  if (!/[{}']/.test(source)) return { params: new Map(), text: typeset(source, locale) }
  const joins: { arg: string; name: string; join: (name: string) => string }[] = []
  const rewritten = source.replace(JOIN, (whole, name: string, word: string) => {
    const join = JOINS[locale]?.[word]
    if (!join) return whole
    const arg = `${name}__${joins.length}`
    joins.push({ arg, name, join })
    return `{${arg}}`
  })
  const format = new IntlMessageFormat(rewritten, intl, undefined, { ignoreTag: true, formatters })
  const params = new Map<string, ParamUse>()
  collectParams(format.getAst() as AstNode[], params)
  for (const j of joins) {
    params.delete(j.arg)
    if (!params.has(j.name)) params.set(j.name, 'text')
  }
  if (params.size === 0) return { params, text: typeset(String(format.format()), locale) }
  return {
    params,
    format: (values) => {
      const all: Record<string, MessageValue> = { ...values }
      for (const j of joins) all[j.arg] = j.join(String(values[j.name]))
      return typeset(String(format.format(all as Record<string, string>)), locale)
    },
  }
}

type Tree = { [key: string]: Tree | string | string[] }

/** The catalogue as its file gives it, with the keys that are not messages set apart. */
function readTree(file: string): { intl: string; tree: Tree } {
  let data: Record<string, unknown>
  try {
    data = parseToml(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(file, (err as Error).message.split('\n')[0]!)
  }
  const { intl, ...tree } = data
  if (typeof intl !== 'string' || !intl)
    throw new ConfigError(file, 'intl = "…" (a language tag, as "es-ES") is missing')
  try {
    new Intl.NumberFormat(intl)
  } catch {
    throw new ConfigError(file, `intl = "${intl}" is not a language tag`)
  }
  return { intl, tree: tree as Tree }
}

/** Every message of a tree by its dotted key: strings, and lists of strings. */
function flatten(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value as string | string[])
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/** A list of keys for a message: all of them, since a translator fixes them in one pass. */
const keyList = (keys: string[]) => keys.join(', ')

/**
 * Reads a catalogue, checks it against the reference's keys and parameters (none for
 * the reference itself), and builds the messages: strings typeset once, messages with
 * parameters as functions of their named values.
 */
export function loadCatalogue(file: string, locale: string, reference?: Catalogue): Catalogue {
  const { intl, tree } = readTree(file)
  const flat = flatten(tree)
  const formatters = formattersFor(intl)
  const compiled = new Map<string, Compiled | string[]>()
  const broken: string[] = []
  for (const [key, value] of flat) {
    try {
      compiled.set(
        key,
        Array.isArray(value)
          ? value.map((v) => compileMessage(v, locale, intl, formatters).text ?? v)
          : compileMessage(value, locale, intl, formatters),
      )
    } catch (err) {
      const problem = (err as Error).message
      // {name, de} is French grammar: another language writes its own words around {name}.
      const join = typeof value === 'string' && problem === 'INVALID_ARGUMENT_TYPE' && JOIN.test(value)
      JOIN.lastIndex = 0
      broken.push(`${key} (${join ? '{…, de} and {…, à} are for French catalogues only' : problem})`)
    }
  }
  if (broken.length)
    throw new ConfigError(file, `messages that are not valid ICU MessageFormat: ${keyList(broken)}`)
  if (reference) {
    const missing = [...reference.compiled.keys()].filter((k) => !compiled.has(k))
    if (missing.length)
      throw new ConfigError(
        file,
        `${missing.length} key(s) missing, given in ${reference.file}: ${keyList(missing)}`,
      )
    const unknown = [...compiled.keys()].filter((k) => !reference.compiled.has(k))
    if (unknown.length)
      throw new ConfigError(file, `keys that ${reference.file} does not have: ${keyList(unknown)}`)
    const wrong: string[] = []
    for (const [key, own] of compiled) {
      const ref = reference.compiled.get(key)!
      if (Array.isArray(own) !== Array.isArray(ref))
        wrong.push(`${key} (a list in one file, not in the other)`)
      else if (!Array.isArray(own) && !Array.isArray(ref))
        for (const name of own.params.keys())
          if (!ref.params.has(name)) wrong.push(`${key} ({${name}} is not a parameter of this message)`)
    }
    if (wrong.length) throw new ConfigError(file, keyList(wrong))
  }
  return { file, locale, intl, compiled, messages: build(tree, compiled, locale, intl) }
}

export interface Catalogue {
  file: string
  locale: string
  /** The language tag numbers, dates and plural rules are formatted with. */
  intl: string
  compiled: Map<string, Compiled | string[]>
  messages: Messages
}

function build(
  tree: Tree,
  compiled: Map<string, Compiled | string[]>,
  locale: string,
  intl: string,
): Messages {
  const walk = (node: Tree, prefix: string): Record<string, unknown> =>
    Object.freeze(
      Object.fromEntries(
        Object.entries(node).map(([key, value]) => {
          const path = prefix ? `${prefix}.${key}` : key
          if (typeof value === 'object' && !Array.isArray(value)) return [key, walk(value, path)]
          const c = compiled.get(path)!
          if (Array.isArray(c)) return [key, Object.freeze(c)]
          return [key, c.format ?? c.text]
        }),
      ),
    )
  const numbers = new Intl.NumberFormat(intl)
  const days = new Intl.DateTimeFormat(intl, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  // «1er décembre», not «1 décembre»: Intl leaves French's ordinal first day to us.
  const firstOfMonth = locale === 'fr' ? (d: string) => d.replace(/^1 /, '1er ') : (d: string) => d
  return Object.freeze({
    ...walk(tree, ''),
    number: (n: number) => numbers.format(n),
    date: (day: string | Date) => typeset(firstOfMonth(days.format(new Date(day))), locale),
  }) as unknown as Messages
}

/** The parameters of every message of a catalogue, by key: what the type of its messages says. */
export function parameterUses(catalogue: Catalogue): Map<string, Map<string, ParamUse> | 'list'> {
  const out = new Map<string, Map<string, ParamUse> | 'list'>()
  for (const [key, c] of catalogue.compiled) out.set(key, Array.isArray(c) ? 'list' : c.params)
  return out
}
