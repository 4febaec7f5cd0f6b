import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { isHoneypotFilled, parseSignForm, pickFormValues } from './sign-form.js'

const site = loadSiteConfig(new URL('../../content', import.meta.url).pathname)
const valid = {
  first_name: 'Camille',
  last_name: 'Durand',
  email: 'camille@cnrs.fr',
  category: 'researcher',
  institution: 'CNRS',
  discipline: '',
  comment: '',
  consent: '1',
}

describe('the sign form', () => {
  it('accepts a complete submission and cleans the names', () => {
    const result = parseSignForm(site, { ...valid, first_name: ' Zoe\u0301\u200B ', public: '1' })
    expect(result).toMatchObject({
      ok: true,
      value: { firstName: 'Zoé', isPublic: true, wantsUpdates: false },
    })
  })

  it('refuses a web address in a name: the mails the site sends greet the name typed', () => {
    for (const first_name of ['Cliquez sur https://phish.example', 'voir www.phish.example'])
      expect(parseSignForm(site, { ...valid, first_name })).toMatchObject({
        ok: false,
        errors: { first_name: 'link_in_name' },
      })
    // A dot or a colon alone is not a link.
    expect(parseSignForm(site, { ...valid, last_name: 'St. John : Dr.' }).ok).toBe(true)
  })

  it('requires explicit consent', () => {
    expect(parseSignForm(site, { ...valid, consent: undefined })).toEqual({
      ok: false,
      errors: { consent: 'consent_required' },
    })
    expect(parseSignForm(site, { ...valid, consent: 'on' })).toEqual({
      ok: false,
      errors: { consent: 'consent_required' },
    })
  })

  it('names each missing or wrong field', () => {
    const result = parseSignForm(site, { consent: '1', email: 'nope', category: 'king' })
    expect(result).toEqual({
      ok: false,
      errors: {
        first_name: 'required',
        last_name: 'required',
        email: 'email_invalid',
        category: 'category_invalid',
        institution: 'required',
      },
    })
  })

  it('refuses over-long fields and a comment over the configured length', () => {
    const result = parseSignForm(site, {
      ...valid,
      last_name: 'x'.repeat(101),
      comment: 'y'.repeat(site.commentMaxLength + 1),
    })
    expect(result).toEqual({ ok: false, errors: { last_name: 'too_long', comment: 'too_long' } })
  })

  it('treats a name made only of invisible characters as missing', () => {
    expect(parseSignForm(site, { ...valid, first_name: '\u200B\u202E ' })).toEqual({
      ok: false,
      errors: { first_name: 'required' },
    })
  })

  it('reads only the documented fields, first value of each', () => {
    expect(pickFormValues({ first_name: ['A', 'B'], admin: '1', email: 'a@b.fr' })).toEqual({
      first_name: 'A',
      email: 'a@b.fr',
    })
  })

  it('spots a filled honeypot', () => {
    expect(isHoneypotFilled({ website: 'http://spam' })).toBe(true)
    expect(isHoneypotFilled({ website: '' })).toBe(false)
  })
})
