// The From of every mail. A display name is a «phrase» (RFC 5322): unquoted, its
// parentheses are a comment that mail software drops, so «Atelier … (Atécopol)»
// arrives as «Atelier …». Quoted, every character of the name is kept.

/** `"name" <address>`, the name quoted and escaped whatever it holds. */
export function formatSender(name: string, address: string): string {
  const clean = name.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
  if (!clean) return address
  return `"${clean.replace(/["\\]/g, '\\$&')}" <${address}>`
}

/**
 * MAIL_FROM as an operator types it (`Objection de conscience (Atécopol) <no-reply@…>`,
 * quoted or not), rewritten so that its name reaches the reader whole; undefined when
 * no address can be read from it.
 */
export function parseSender(value: string): string | undefined {
  const named = /^\s*(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/s.exec(value)
  if (named) {
    const raw = named[1]!
    const quoted = /^"(.*)"$/s.exec(raw)
    const name = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : raw
    return formatSender(name, named[2]!)
  }
  const bare = value.trim()
  return /^[^<>\s"]+@[^<>\s"]+$/.test(bare) ? bare : undefined
}
