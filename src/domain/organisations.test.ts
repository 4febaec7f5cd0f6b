import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { claimEvidence, parseOrganisationForm, webAddressOf } from './organisations.js'

const site = loadSiteConfig(new URL('../../content', import.meta.url).pathname)

describe('the web site an organisation gives', () => {
  it('takes an address as people type it, https added when no scheme is typed', () => {
    expect(webAddressOf('irit.fr')).toBe('https://irit.fr/')
    expect(webAddressOf(' www.irit.fr/equipes ')).toBe('https://www.irit.fr/equipes')
    expect(webAddressOf('http://lab.example.org')).toBe('http://lab.example.org/')
    // A port is not a scheme.
    expect(webAddressOf('www.irit.fr:8080')).toBe('https://www.irit.fr:8080/')
    expect(webAddressOf('')).toBe('')
  })

  it('refuses what would not open a web page, or would hide where it leads', () => {
    for (const typed of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'mailto:contact@irit.fr',
      'ftp://irit.fr',
      'https://user:secret@irit.fr',
      'localhost:8080',
      'https://intranet',
      'pas une adresse',
    ])
      expect(webAddressOf(typed), typed).toBeUndefined()
  })
})

describe('the organisations’ form', () => {
  const valid = {
    name: 'IRIT',
    kind: 'lab',
    contact_name: 'Aurore Lasserre',
    email: 'direction@irit.fr',
    consent: '1',
  }

  it('gives a request from the required fields alone', () => {
    const parsed = parseOrganisationForm(site, valid)
    expect(parsed.ok && parsed.value).toMatchObject({
      name: 'IRIT',
      kind: 'lab',
      url: '',
      contactRole: '',
      mandate: '',
    })
  })

  it('refuses a web address in the organisation’s or the contact’s name', () => {
    const parsed = parseOrganisationForm(site, {
      ...valid,
      name: 'Labo — confirmez sur https://phish.example',
      contact_name: 'www.phish.example',
    })
    expect(parsed.ok || parsed.errors).toEqual({ name: 'link_in_name', contact_name: 'link_in_name' })
  })

  it('names each error by its field', () => {
    const parsed = parseOrganisationForm(site, {
      ...valid,
      kind: 'ministry',
      url: 'javascript:x',
      consent: '',
    })
    expect(parsed.ok || parsed.errors).toEqual({
      kind: 'choice_invalid',
      url: 'url_invalid',
      consent: 'consent_required',
    })
  })
})

describe('what the contact’s address says of a claim', () => {
  const o = { id: 1, name: 'IRIT', url: 'https://www.irit.fr/', email_domain: 'irit.fr' }

  it('sees an address on the web site’s domain, or on a verified institution’s', () => {
    expect(claimEvidence(site, o, [])).toEqual({
      addressInstitution: undefined,
      addressOnSite: true,
      sameNameListed: false,
    })
    expect(claimEvidence(site, { ...o, email_domain: 'cnrs.fr' }, []).addressInstitution).toBe('CNRS')
    expect(claimEvidence(site, { ...o, email_domain: 'gmail.com' }, [])).toMatchObject({
      addressOnSite: false,
    })
  })

  it('notices another organisation of the same name already listed, whatever its case or accents', () => {
    expect(claimEvidence(site, o, [{ id: 2, name: 'irit' }]).sameNameListed).toBe(true)
    expect(claimEvidence(site, o, [{ id: 1, name: 'IRIT' }]).sameNameListed).toBe(false)
  })
})
