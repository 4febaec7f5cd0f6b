// DKIM: every mail signed with the site's key, so that receiving servers can check it
// left the domain it claims (with SPF and DMARC, what keeps news and confirmations out
// of spam folders). nodemailer signs; this reads the key, makes one, and says what
// to publish in the DNS.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { ConfigError } from '../config/error.js'

/** What nodemailer's `dkim` option takes. */
export interface DkimSigning {
  domainName: string
  keySelector: string
  privateKey: string
}

/** The domain of the address in a From (`"Name" <no-reply@example.org>` → example.org). */
export function senderDomain(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase()
}

/**
 * The signing settings of a deployment, its key read and checked now, so that a wrong
 * file stops the server at start-up with one line instead of every mail failing later.
 */
export function loadDkim(
  dkim: { keyFile: string; selector: string; domain?: string } | undefined,
  mailFrom: string,
): DkimSigning | undefined {
  if (!dkim) return undefined
  let privateKey: string
  try {
    privateKey = readFileSync(dkim.keyFile, 'utf8')
    createPrivateKey(privateKey)
  } catch (err) {
    const why =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'does not exist'
        : 'is not a readable private key (PEM)'
    throw new ConfigError('DKIM_PRIVATE_KEY_FILE', `${dkim.keyFile} ${why}`)
  }
  return { domainName: dkim.domain ?? senderDomain(mailFrom), keySelector: dkim.selector, privateKey }
}

/** A new RSA key pair (2048 bits: what every receiver checks and a DNS TXT record holds). */
export function generateDkimKey(): { privateKey: string; publicKeyBase64: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  }
}

/** The public half of a private key, as the DNS record carries it. */
export function publicKeyBase64(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' }).toString('base64')
}

/** The DKIM record's value: `v=DKIM1; k=rsa; p=…`. */
export function dkimRecordValue(publicKey: string): string {
  return `v=DKIM1; k=rsa; p=${publicKey}`
}

/** The three DNS records a domain that sends the site's mail publishes, as zone-file lines. */
export function dnsRecords(domain: string, selector: string, publicKey: string, reportTo: string): string[] {
  // A TXT string holds 255 characters at most: a 2048-bit key is split into several.
  const value = dkimRecordValue(publicKey)
  const chunks = value.match(/.{1,250}/g) ?? [value]
  return [
    `${selector}._domainkey.${domain}. IN TXT ( ${chunks.map((c) => `"${c}"`).join(' ')} )`,
    `${domain}. IN TXT "v=spf1 mx a ~all"`,
    `_dmarc.${domain}. IN TXT "v=DMARC1; p=none; rua=mailto:${reportTo}"`,
  ]
}
