// What a visitor types is shown to others: names and comments are cleaned so that
// they render as typed and cannot reorder or hide the text around them.

// C0/C1 controls except tab and newline (handled separately), and DEL.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
// Bidirectional overrides and isolates, which can reverse the text that follows.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
// Zero-width and invisible characters, which make two identical-looking names differ.
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** One line of text: NFC, no controls, no invisible characters, single spaces. */
export function cleanLine(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(CONTROLS, ' ')
    .replace(/[\t\n]/g, ' ')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A short free text that may keep line breaks (at most two in a row). */
export function cleanParagraphs(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, ' ')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Lower-case, accent-free form used to search names and institutions. */
export function searchKey(raw: string): string {
  return raw.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}
