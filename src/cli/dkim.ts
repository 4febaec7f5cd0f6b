// npm run dkim -- --domain example.org [--selector name]: makes the key that signs the
// site's mail, into DATA_DIR (readable by the server's user only), and prints the
// DNS records to publish and the settings to give the server. docs/DEPLOY.md explains them.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { PRIVATE_FILE, privateDir } from '../data-dir.js'
import { dnsRecords, generateDkimKey, senderDomain } from '../mail/dkim.js'

const config = loadConfig()
const { values } = parseArgs({
  options: { domain: { type: 'string' }, selector: { type: 'string' } },
  allowPositionals: false,
})
const domain = (values.domain ?? senderDomain(config.mailFrom)).toLowerCase()
// A dated selector lets a new key be published beside the old one before switching.
const selector = values.selector ?? `paraphe${new Date().toISOString().slice(0, 7).replace('-', '')}`
if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(selector)) {
  console.error(`dkim: --selector must be one DNS label (letters, digits, dashes): ${selector}`)
  process.exit(2)
}
const warning = privateDir(config.dataDir)
if (warning) console.error(warning)
const file = join(config.dataDir, `dkim-${selector}.pem`)
if (existsSync(file)) {
  console.error(`dkim: ${file} exists already; choose another --selector to make a new key`)
  process.exit(2)
}
const key = generateDkimKey()
writeFileSync(file, key.privateKey, { mode: PRIVATE_FILE, flag: 'wx' })
console.log(`Private key written to ${file} (mode 600): keep it with DATA_DIR, never publish it.

1. Publish these DNS records in the zone of ${domain}:

${dnsRecords(domain, selector, key.publicKeyBase64, config.site.contactEmail).join('\n')}

   The first is the DKIM key. The second (SPF) names who may send for ${domain}: adapt it
   to the servers that really send its mail (your provider's "include:" if SMTP_URL is
   theirs), and keep one SPF record only. The third (DMARC) asks receivers to report
   to ${config.site.contactEmail}; once the reports show every mail passing, p=quarantine.

2. Give the server these settings, then restart it:

DKIM_PRIVATE_KEY_FILE=${file}
DKIM_SELECTOR=${selector}
DKIM_DOMAIN=${domain}

   MAIL_FROM must be an address at ${domain} (or one of its subdomains) for DMARC to pass.`)
