// A signatory's profile travels three ways: posted by the form (its field names are a
// public contract), stored in a signature's row, and carried by a confirmation link.
// This table pairs each profile field with its form field and its column, once; every
// translation between the three reads it.
import type { Signature } from '../db/schema.js'
import type { FormValues, ProfileFields, SignField } from './sign-form.js'

export const PROFILE_FIELDS = [
  { field: 'firstName', form: 'first_name', column: 'first_name' },
  { field: 'lastName', form: 'last_name', column: 'last_name' },
  { field: 'category', form: 'category', column: 'category' },
  { field: 'institution', form: 'institution', column: 'institution' },
  { field: 'discipline', form: 'discipline', column: 'discipline' },
  { field: 'title', form: 'title', column: 'title' },
  { field: 'unit', form: 'unit', column: 'unit' },
  { field: 'comment', form: 'comment', column: 'comment' },
  { field: 'publishComment', form: 'publish_comment', column: 'publish_comment' },
  { field: 'display', form: 'display', column: 'display' },
  // Choices: a checked box in the form, true in the profile, 1 in the row.
  { field: 'isPublic', form: 'public', column: 'is_public' },
  { field: 'wantsUpdates', form: 'updates', column: 'wants_updates' },
  { field: 'wantsDebate', form: 'debate', column: 'wants_debate' },
] as const satisfies readonly { field: keyof ProfileFields; form: SignField; column: keyof Signature }[]

type Entry = (typeof PROFILE_FIELDS)[number]
export type ProfileColumn = Entry['column']
export type ProfileFormField = Entry['form']

/** The columns of a row that hold a profile. */
export type ProfileColumns = Pick<Signature, ProfileColumn>

/** The profile as the columns of a signature's row. */
export function profileColumns(p: ProfileFields): ProfileColumns {
  const row: Record<string, string | number> = {}
  for (const { field, column } of PROFILE_FIELDS) {
    const value = p[field]
    row[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value
  }
  return row as ProfileColumns
}

/** The profile a stored signature holds, as a form would submit it. */
export function profileOf(row: ProfileColumns): ProfileFields {
  const p: Record<string, string | boolean> = {}
  for (const { field, column } of PROFILE_FIELDS) {
    const value = row[column]
    p[field] = typeof value === 'number' ? value === 1 : value
  }
  return p as unknown as ProfileFields
}

/** The profile as the form's values, to fill the form with it (a checked box is '1'). */
export function formValuesOf(p: ProfileFields): FormValues {
  const values: FormValues = {}
  for (const { field, form } of PROFILE_FIELDS) {
    const value = p[field]
    values[form] = typeof value === 'boolean' ? (value ? '1' : '') : value
  }
  return values
}

/** The profile from the form's fields once each is parsed (text cleaned, boxes read). */
export function profileFromForm(parsed: Record<ProfileFormField, string | boolean>): ProfileFields {
  const p: Record<string, string | boolean> = {}
  for (const { field, form } of PROFILE_FIELDS) p[field] = parsed[form]
  return p as unknown as ProfileFields
}
