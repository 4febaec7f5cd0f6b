import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from './catalogue.js'
import { renderTypes } from './generate-types.js'
import { catalogueOf, messagesFor, reference } from './index.js'

/** fr.toml with some lines changed, as a collective's file would be. */
function frenchWith(edit: (toml: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'paraphe-catalogue-')), 'messages.toml')
  writeFileSync(file, edit(readFileSync(reference.file, 'utf8')))
  return file
}

describe('message catalogues', () => {
  it('translate every key, with no empty string', () => {
    const en = catalogueOf('en')
    expect([...en.compiled.keys()].sort()).toEqual([...reference.compiled.keys()].sort())
    for (const [key, c] of en.compiled)
      if (!Array.isArray(c) && c.text !== undefined) expect(c.text.length, key).toBeGreaterThan(0)
  })

  it('stop start-up naming the file and every key a catalogue lacks', () => {
    const file = frenchWith((t) =>
      t.replace(/^title = "Signer le manifeste"\n/m, '').replace(/^otherLanguage = .*\n/m, ''),
    )
    expect(() => loadCatalogue(file, 'fr', reference)).toThrow(
      `${file}: 2 key(s) missing, given in ${reference.file}: nav.otherLanguage, sign.title`,
    )
  })

  it('refuse a parameter the reference does not give, and a message that is not ICU', () => {
    const unknown = frenchWith((t) => t.replace('moins de\\u00a0{k, number}', 'moins de\\u00a0{kk, number}'))
    expect(() => loadCatalogue(unknown, 'fr', reference)).toThrow(
      'groups.fewerThan ({kk} is not a parameter of this message)',
    )
    const broken = frenchWith((t) => t.replace('moins de\\u00a0{k, number}', 'moins de\\u00a0{k, number'))
    expect(() => loadCatalogue(broken, 'fr', reference)).toThrow('groups.fewerThan (')
    // French grammar in a catalogue of another language: said as such.
    expect(() => loadCatalogue(reference.file, 'es', reference)).toThrow(
      'confirm.lead ({…, de} and {…, à} are for French catalogues only)',
    )
  })

  it('format plurals, numbers and dates with Intl, and join «de» to a name in French', () => {
    const fr = messagesFor('fr')
    expect(fr.count.signatures({ n: 0 })).toBe('0\u00a0signature vérifiée')
    expect(fr.count.signatures({ n: 1200 })).toBe('1\u202f200\u00a0signatures vérifiées')
    expect(messagesFor('en').count.signatures({ n: 1 })).toBe('1 verified signature')
    expect(fr.date('2026-12-01')).toBe('1er décembre 2026')
    expect(messagesFor('en').date('2026-12-01')).toBe('1 December 2026')
    expect(fr.confirm.lead({ name: 'Élise Roux' })).toBe('Vous allez confirmer la signature d’Élise Roux.')
  })

  it('have the type views read generated from fr.toml as it is (npm run i18n:types)', () => {
    expect(readFileSync(new URL('./messages.ts', import.meta.url), 'utf8')).toBe(renderTypes(reference))
  })
})
