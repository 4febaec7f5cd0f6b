import type { AppContext } from '../context.js'
import type { PageContext } from '../views/page-context.js'

/** Hono's typed environment: what middleware puts on the request for the handlers. */
export interface AppEnv {
  Variables: {
    ctx: AppContext
    locale: string
    page: PageContext
  }
}
