// The moderators' area, at /admin: one file per area, all behind the guard.
import { Hono } from 'hono'
import type { AppContext } from '../../context.js'
import type { Assets } from '../assets.js'
import { audit } from './audit.js'
import { bulk } from './bulk.js'
import { dashboard } from './dashboard.js'
import { domains } from './domains.js'
import type { AdminEnv } from './env.js'
import { exportRoutes } from './export.js'
import { requireModerator } from './guard.js'
import { login } from './login.js'
import { mails } from './mails.js'
import { news } from './news.js'
import { organisations } from './organisations.js'
import { signatures } from './signatures.js'
import { signing } from './signing.js'

export function adminRoutes(ctx: AppContext, assets: Assets): Hono<AdminEnv> {
  const admin = new Hono<AdminEnv>({ strict: false })
  admin.use('*', requireModerator(ctx, assets))
  admin.route('/', login)
  admin.route('/', dashboard)
  admin.route('/signatures', signatures)
  admin.route('/organisations', organisations)
  admin.route('/domains', domains)
  admin.route('/signing', signing)
  admin.route('/export', exportRoutes)
  admin.route('/news', news)
  admin.route('/bulk', bulk)
  admin.route('/mails', mails)
  admin.route('/', audit)
  return admin
}
