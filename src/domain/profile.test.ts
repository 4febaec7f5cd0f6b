import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { formValuesOf, profileColumns, profileOf } from './profile.js'
import { type ProfileFields, parseProfile } from './sign-form.js'

const site = loadSiteConfig(new URL('../../content', import.meta.url).pathname)
const profile: ProfileFields = {
  firstName: 'Zoé',
  lastName: 'Durand',
  category: 'researcher',
  institution: 'CNRS',
  discipline: 'Écologie',
  title: 'Chargée de recherche',
  unit: 'IRIT – UMR 5505',
  comment: 'Bravo',
  publishComment: true,
  isPublic: true,
  display: 'initials',
  wantsUpdates: false,
  wantsDebate: true,
}

describe('a profile between the form, the row and the link', () => {
  it('is stored in the columns of a signature, choices as 0 or 1, and read back unchanged', () => {
    const row = profileColumns(profile)
    expect(row).toEqual({
      first_name: 'Zoé',
      last_name: 'Durand',
      category: 'researcher',
      institution: 'CNRS',
      discipline: 'Écologie',
      title: 'Chargée de recherche',
      unit: 'IRIT – UMR 5505',
      comment: 'Bravo',
      publish_comment: 1,
      display: 'initials',
      is_public: 1,
      wants_updates: 0,
      wants_debate: 1,
    })
    expect(profileOf(row)).toEqual(profile)
  })

  it('fills the form so that posting it back unchanged gives the same profile', () => {
    const values = formValuesOf(profile)
    expect(values).toEqual({
      first_name: 'Zoé',
      last_name: 'Durand',
      category: 'researcher',
      institution: 'CNRS',
      discipline: 'Écologie',
      title: 'Chargée de recherche',
      unit: 'IRIT – UMR 5505',
      comment: 'Bravo',
      publish_comment: '1',
      display: 'initials',
      public: '1',
      updates: '',
      debate: '1',
    })
    expect(parseProfile(site, values)).toEqual({ ok: true, value: profile })
    const none = { ...profile, isPublic: false, wantsDebate: false }
    expect(parseProfile(site, formValuesOf(none))).toEqual({ ok: true, value: none })
  })

  it('reads a form that predates the display choice as a full name, and refuses an unknown choice', () => {
    const { display: _, ...older } = formValuesOf(profile)
    expect(parseProfile(site, older)).toEqual({ ok: true, value: { ...profile, display: 'full' } })
    expect(parseProfile(site, { ...older, display: 'nickname' })).toMatchObject({
      ok: false,
      errors: { display: 'choice_invalid' },
    })
  })

  it('drops a field that site.toml does not offer, whatever was posted under its name', () => {
    const without = { ...site, formFields: new Set<'title' | 'unit'>(['unit']) }
    const parsed = parseProfile(without, formValuesOf(profile))
    expect(parsed).toEqual({ ok: true, value: { ...profile, title: '' } })
  })

  it('requires an offered field that site.toml makes required', () => {
    const strict = { ...site, requiredFields: new Set(['institution', 'unit'] as const) }
    const parsed = parseProfile(strict, formValuesOf({ ...profile, unit: '  ' }))
    expect(parsed).toMatchObject({ ok: false, errors: { unit: 'required' } })
  })
})
