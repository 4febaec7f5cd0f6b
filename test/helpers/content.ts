// A copy of the content folder with some settings of site.toml changed, for tests
// that need other limits than the shipped ones.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Each key of `settings` replaces the line `key = …` of site.toml. */
export function contentWith(settings: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
  cpSync('content', dir, { recursive: true })
  let toml = readFileSync(join(dir, 'site.toml'), 'utf8')
  for (const [key, value] of Object.entries(settings)) {
    const line = new RegExp(`^${key} = .*$`, 'm')
    if (!line.test(toml)) throw new Error(`site.toml has no setting ${key}`)
    toml = toml.replace(line, `${key} = ${value}`)
  }
  writeFileSync(join(dir, 'site.toml'), toml)
  return dir
}

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
}
const accent = (c: string) => ACCENTED[c] ?? c

/**
 * An ICU message, as a TOML file writes it, with the vowels of its words accented («Sígn
 * thé máníféstó»), its arguments, plural and select keys and TOML escapes left as they
 * are: a pseudo-translation that no string of another catalogue can be mistaken for.
 */
export function pseudoTranslate(message: string): string {
  let out = ''
  // 'text' is words to accent; 'arg' the inside of {name, plural, …} outside its branches.
  const stack: ('arg' | 'branch')[] = []
  for (let i = 0; i < message.length; i++) {
    const c = message[i]!
    const inText = stack.length === 0 || stack.at(-1) === 'branch'
    if (c === '\\') {
      // A TOML escape (\u00a0, \\, \"): copied as it is.
      const length = message[i + 1] === 'u' ? 6 : 2
      out += message.slice(i, i + length)
      i += length - 1
    } else if (inText && c === "'" && (message[i + 1] === '{' || message[i + 1] === '}')) {
      // A quoted brace, as in '{graphicx}': copied as it is, up to the closing quote.
      const end = message.indexOf("'", i + 1)
      out += message.slice(i, end + 1)
      i = end
    } else if (c === '{') {
      stack.push(inText ? 'arg' : 'branch')
      out += c
    } else if (c === '}') {
      stack.pop()
      out += c
    } else out += inText ? accent(c) : c
  }
  return out
}

/**
 * content/ with a third language laid over it, as a collective adds one: Spanish, from
 * test/fixtures/content-third-locale (see its README). Its messages are en.toml's
 * pseudo-translated (pseudoTranslate), and so is every name site.toml gives per
 * language: a string of another catalogue on a Spanish page is one read from the
 * wrong catalogue.
 */
export function contentWithThirdLocale(settings: Record<string, string> = {}): string {
  const dir = contentWith({ locales: '["fr", "en", "es"]', ...settings })
  cpSync('test/fixtures/content-third-locale/es', join(dir, 'es'), { recursive: true })
  const siteFile = join(dir, 'site.toml')
  writeFileSync(
    siteFile,
    readFileSync(siteFile, 'utf8')
      // [titles] and the categories: a line of its own.
      .replace(/^en = "(.*)"$/gm, (line, value: string) => `${line}\nes = "${pseudoTranslate(value)}"`)
      // The kit's badge and marks: inline tables.
      .replace(
        /(\ben = "((?:[^"\\]|\\.)*)")(\s*\})/g,
        (_, pair: string, value: string, end: string) => `${pair}, es = "${pseudoTranslate(value)}"${end}`,
      ),
  )
  const slugs: Record<string, string> = { privacy: 'privacidad', news: 'noticias' }
  let table = ''
  const messages = readFileSync('src/i18n/en.toml', 'utf8')
    .split('\n')
    .map((line) => {
      table = /^\[(.+)\]$/.exec(line)?.[1] ?? table
      if (line.startsWith('intl = ')) return 'intl = "es-ES"'
      if (line.startsWith('slug = ')) return `slug = "${slugs[table]}"`
      const string = /^([\w-]+ = |\s+)"(.*)"(,?)$/.exec(line)
      return string ? `${string[1]}"${pseudoTranslate(string[2]!)}"${string[3]}` : line
    })
    .join('\n')
  writeFileSync(join(dir, 'es', 'messages.toml'), messages)
  return dir
}
