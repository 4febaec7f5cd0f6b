import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.js'
import { formatSender, parseSender } from './sender.js'

describe('the sender of every mail', () => {
  it('quotes a name, so that its parentheses are not read as a comment', () => {
    expect(formatSender('Atelier d’Écologie Politique de Toulouse (Atécopol)', 'no-reply@example.org')).toBe(
      '"Atelier d’Écologie Politique de Toulouse (Atécopol)" <no-reply@example.org>',
    )
  })

  it('escapes the quotes and backslashes a name holds, and keeps it on one line', () => {
    expect(formatSender('Le collectif "Sobre"\\\nToulouse', 'a@b.fr')).toBe(
      '"Le collectif \\"Sobre\\"\\\\ Toulouse" <a@b.fr>',
    )
  })

  it('reads MAIL_FROM quoted or not, bare or named, and refuses one without an address', () => {
    expect(parseSender('Objection de conscience (Atécopol) <no-reply@example.org>')).toBe(
      '"Objection de conscience (Atécopol)" <no-reply@example.org>',
    )
    expect(parseSender('"Le \\"site\\"" <x@example.org>')).toBe('"Le \\"site\\"" <x@example.org>')
    expect(parseSender(' no-reply@example.org ')).toBe('no-reply@example.org')
    expect(parseSender('<no-reply@example.org>')).toBe('no-reply@example.org')
    expect(parseSender('Paraphe')).toBeUndefined()
    expect(parseSender('Paraphe <nobody>')).toBeUndefined()
  })
})

describe('MAIL_FROM', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'paraphe-sender-'))

  it('defaults to the organisation of site.toml, typeset and quoted whole', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), BASE_URL: 'https://signer.example.org' })
    expect(config.mailFrom).toBe(
      '"Atelier d’Écologie Politique de Toulouse (Atécopol)" <no-reply@signer.example.org>',
    )
  })

  it('stops start-up with one line when it holds no address', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), MAIL_FROM: 'Atécopol' })).toThrowError(
      /^MAIL_FROM: must be an address/,
    )
  })
})
