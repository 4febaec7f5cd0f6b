// Every migration, in order. Listed statically so that the built server finds them
// without scanning a folder at run time.
import type { Migration } from 'kysely'
import * as m001 from './001_initial.js'
import * as m002 from './002_visibility.js'
import * as m003 from './003_moderation.js'
import * as m004 from './004_rate_limits.js'
import * as m008 from './008_search_index.js'

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_visibility': m002,
  '003_moderation': m003,
  '004_rate_limits': m004,
  // 005–007 belong to work landing in parallel; Kysely applies migrations by name order.
  '008_search_index': m008,
}
