// French joins «de» and «à» to the word that follows: «d’Élise», «du Mans», «au lycée».
// Our sentences put names people typed (their own, their institution's) after these
// words, so the join is made here, once, rather than left as «de Élise».

// «Y» sounds as a vowel before a consonant (Yves), as a consonant before a vowel (Yasmine).
const VOWEL_START = /^(?:[aeiouàâäéèêëîïôöùûüœæ]|y(?![aeiouyàâéèêëîïôûü]))/iu

// Institution names that start with a common noun take its article, as one says «à
// l’université Toulouse III» and «au lycée Fermat» but «à Sorbonne Université»; so do
// collectives («le site de l’Atelier d’Écologie Politique»). The masculine ones; any
// other listed noun is feminine.
const MASCULINE = new Set([
  'atelier',
  'centre',
  'collectif',
  'comité',
  'collège',
  'conservatoire',
  'établissement',
  'groupe',
  'hôpital',
  'institut',
  'laboratoire',
  'lycée',
  'muséum',
  'musée',
  'observatoire',
  'pôle',
  'campus',
  'réseau',
  'syndicat',
])
const FEMININE = new Set([
  'université',
  'école',
  'faculté',
  'académie',
  'bibliothèque',
  'fondation',
  'maison',
  'association',
  'fédération',
])

/** Whether «de», «le», «que»… lose their vowel before this word. */
export function elides(word: string): boolean {
  return VOWEL_START.test(word)
}

// The h of «hôpital» is mute: «l’hôpital».
const elidesNoun = (name: string) => elides(name) || /^h[ôo]pital/iu.test(name)

function article(name: string): '' | 'le' | 'la' {
  const first = (name.split(/[\s-]/, 1)[0] ?? '').toLowerCase()
  if (MASCULINE.has(first)) return 'le'
  if (FEMININE.has(first)) return 'la'
  return ''
}

/**
 * «de» joined to a name: «d’Élise Roux», «de Marie Curie», «du Mans», «des Mines»,
 * «de l’Université Toulouse III», «du Lycée Fermat».
 */
export function ofName(name: string): string {
  if (/^Le /u.test(name)) return `du ${name.slice(3)}`
  if (/^Les /u.test(name)) return `des ${name.slice(4)}`
  const a = article(name)
  if (a === 'le') return elidesNoun(name) ? `de l’${name}` : `du ${name}`
  if (a === 'la') return elidesNoun(name) ? `de l’${name}` : `de la ${name}`
  return elides(name) ? `d’${name}` : `de ${name}`
}

/** «à» joined to a place: «à l’Université Toulouse III», «au Lycée Fermat», «au Mans», «à Sorbonne Université». */
export function atPlace(name: string): string {
  if (/^Le /u.test(name)) return `au ${name.slice(3)}`
  if (/^Les /u.test(name)) return `aux ${name.slice(4)}`
  const a = article(name)
  if (a === 'le') return elidesNoun(name) ? `à l’${name}` : `au ${name}`
  if (a === 'la') return elidesNoun(name) ? `à l’${name}` : `à la ${name}`
  return `à ${name}`
}
