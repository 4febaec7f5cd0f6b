import type { AdminSession } from '../../domain/admin-sessions.js'
import type { AdminPageContext } from '../../views/admin/layout.js'
import type { AppEnv } from '../env.js'

/** The admin's typed environment: the app's, plus the session and the admin page context. */
export interface AdminEnv {
  Variables: AppEnv['Variables'] & {
    session: AdminSession
    admin: AdminPageContext
  }
}
