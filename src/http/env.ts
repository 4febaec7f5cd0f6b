import type { AppContext } from '../context.js'
import type { StampReading } from '../domain/form-stamp.js'
import type { Origin } from '../domain/rate-limits.js'
import type { PageContext } from '../views/page-context.js'
import type { FormAgain } from './form-again.js'

/** Hono's typed environment: what middleware puts on the request for the handlers. */
export interface AppEnv {
  Variables: {
    ctx: AppContext
    locale: string
    page: PageContext
    /** Facts about the request, computed once by whichever layer first needs them (request-facts.ts). */
    origin?: Origin
    formStamp?: StampReading
    /** How this request's form is shown again, everything kept, when storage fails (form-again.ts). */
    formAgain?: FormAgain
  }
}
