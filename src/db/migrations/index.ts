// Every migration, in order. Listed statically so that the built server finds them
// without scanning a folder at run time.
import type { Migration } from 'kysely'
import * as m001 from './001_initial.js'
import * as m002 from './002_visibility.js'
import * as m003 from './003_moderation.js'
import * as m004 from './004_rate_limits.js'
import * as m005 from './005_submission_per_link.js'
import * as m006 from './006_one_rate_limiter.js'
import * as m007 from './007_listed_labels.js'
import * as m008 from './008_search_index.js'
import * as m009 from './009_name_skeletons.js'
import * as m010 from './010_transparency_log.js'
import * as m011 from './011_news.js'
import * as m012 from './012_signatory_display.js'
import * as m013 from './013_log_sequencer.js'
import * as m014 from './014_imported_addresses.js'
import * as m015 from './015_organisations.js'

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_visibility': m002,
  '003_moderation': m003,
  '004_rate_limits': m004,
  '005_submission_per_link': m005,
  '006_one_rate_limiter': m006,
  '007_listed_labels': m007,
  '008_search_index': m008,
  '009_name_skeletons': m009,
  '010_transparency_log': m010,
  '011_news': m011,
  '012_signatory_display': m012,
  '013_log_sequencer': m013,
  '014_imported_addresses': m014,
  '015_organisations': m015,
}
