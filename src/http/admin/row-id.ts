import { AppError } from '../../domain/errors.js'

/** The id of a row named in an admin path: anything but a positive integer is not found. */
export function rowId(raw: string | undefined): number {
  const id = Number(raw)
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not_found')
  return id
}
