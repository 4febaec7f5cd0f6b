// One error type for everything a visitor can be told about; the HTTP layer maps
// each code to a localised page and status. Anything else is a bug: a generic 500.
export type AppErrorCode =
  | 'token_invalid' // unknown, already used or expired link
  | 'signing_closed'
  | 'not_found'
  | 'bad_request'
  | 'unavailable' // the database cannot be reached

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
