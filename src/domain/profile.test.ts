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
  comment: 'Bravo',
  isPublic: true,
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
      comment: 'Bravo',
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
      comment: 'Bravo',
      public: '1',
      updates: '',
      debate: '1',
    })
    expect(parseProfile(site, values)).toEqual({ ok: true, value: profile })
    const none = { ...profile, isPublic: false, wantsDebate: false }
    expect(parseProfile(site, formValuesOf(none))).toEqual({ ok: true, value: none })
  })
})
