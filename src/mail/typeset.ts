// Text a collective wrote in site.toml (its title, its name) is typed on a keyboard:
// straight apostrophes, ordinary spaces before «:» and inside guillemets. In a mail
// it sits beside our own typeset sentences, so it is typeset the same way.

const NBSP = '\u00a0'
// French puts a thin non-breaking space before ; ! ? and a full one before : and
// inside « ». Both keep the sign from starting a line on a narrow screen.
const NNBSP = '\u202f'

/** Typographic apostrophes in every language, and French spacing in French. */
export function typeset(text: string, locale: string): string {
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
