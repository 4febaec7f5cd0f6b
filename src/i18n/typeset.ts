// Text typed on a keyboard (site.toml's title and name, our own message catalogues) has
// straight apostrophes, ordinary spaces before «:» and inside guillemets. On a page or
// in a mail it is shown typeset, all by this one rule.

const NBSP = '\u00a0'
// French puts a thin non-breaking space before ; ! ? and a full one before : and
// inside « ». Both keep the sign from starting a line on a narrow screen.
const NNBSP = '\u202f'

// Any character one of the rules below looks at. Most strings a page asks for (names,
// dates, numbers) hold none, and one test is far cheaper than the five replacements:
// pages call messages per row, so this is on the path of every list.
const TOUCHED = /['!?;:«»]/

/** Typographic apostrophes in every language, and French spacing in French. */
export function typeset(text: string, locale: string): string {
  if (!TOUCHED.test(text)) return text
  // An apostrophe between letters (or after one, as in «les amis'») is one to curl;
  // a quote opening a word is left alone rather than curled the wrong way.
  const curled = text.replace(/(?<=\p{L})'/gu, '’')
  if (locale !== 'fr') return curled
  return curled
    .replace(/(?<=\S)[ \u00a0\u202f]*([;!?])(?=\s|$)/g, `${NNBSP}$1`)
    .replace(/(?<=\S)[ \u00a0\u202f]*:(?=\s|$)/g, `${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
}
