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
