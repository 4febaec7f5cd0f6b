// The French académies and the regions they belong to, as data. A school teacher's
// address names their académie (prenom.nom@ac-toulouse.fr), so /stats can say where
// school staff sign from without asking anyone anything. Caen and Rouen merged into
// Normandie in 2020; their former domains still deliver mail and count there.

export interface Region {
  key: string
  fr: string
  en: string
}

export const REGIONS: readonly Region[] = Object.freeze([
  { key: 'auvergne-rhone-alpes', fr: 'Auvergne-Rhône-Alpes', en: 'Auvergne-Rhône-Alpes' },
  { key: 'bourgogne-franche-comte', fr: 'Bourgogne-Franche-Comté', en: 'Bourgogne-Franche-Comté' },
  { key: 'bretagne', fr: 'Bretagne', en: 'Brittany' },
  { key: 'centre-val-de-loire', fr: 'Centre-Val de Loire', en: 'Centre-Val de Loire' },
  { key: 'corse', fr: 'Corse', en: 'Corsica' },
  { key: 'grand-est', fr: 'Grand Est', en: 'Grand Est' },
  { key: 'guadeloupe', fr: 'Guadeloupe', en: 'Guadeloupe' },
  { key: 'guyane', fr: 'Guyane', en: 'French Guiana' },
  { key: 'hauts-de-france', fr: 'Hauts-de-France', en: 'Hauts-de-France' },
  { key: 'ile-de-france', fr: 'Île-de-France', en: 'Île-de-France' },
  { key: 'la-reunion', fr: 'La Réunion', en: 'Réunion' },
  { key: 'martinique', fr: 'Martinique', en: 'Martinique' },
  { key: 'mayotte', fr: 'Mayotte', en: 'Mayotte' },
  { key: 'normandie', fr: 'Normandie', en: 'Normandy' },
  { key: 'nouvelle-aquitaine', fr: 'Nouvelle-Aquitaine', en: 'Nouvelle-Aquitaine' },
  { key: 'occitanie', fr: 'Occitanie', en: 'Occitania' },
  { key: 'pays-de-la-loire', fr: 'Pays de la Loire', en: 'Pays de la Loire' },
  { key: 'provence-alpes-cote-d-azur', fr: 'Provence-Alpes-Côte d’Azur', en: 'Provence-Alpes-Côte d’Azur' },
])

export interface Academy {
  /** The label of its domain: ac-<key>.fr. */
  key: string
  /** Its name, the same in both languages («Académie de Toulouse», "Toulouse school district"). */
  name: string
  region: string
}

export const ACADEMIES: readonly Academy[] = Object.freeze([
  { key: 'aix-marseille', name: 'Aix-Marseille', region: 'provence-alpes-cote-d-azur' },
  { key: 'amiens', name: 'Amiens', region: 'hauts-de-france' },
  { key: 'besancon', name: 'Besançon', region: 'bourgogne-franche-comte' },
  { key: 'bordeaux', name: 'Bordeaux', region: 'nouvelle-aquitaine' },
  { key: 'clermont', name: 'Clermont-Ferrand', region: 'auvergne-rhone-alpes' },
  { key: 'corse', name: 'Corse', region: 'corse' },
  { key: 'creteil', name: 'Créteil', region: 'ile-de-france' },
  { key: 'dijon', name: 'Dijon', region: 'bourgogne-franche-comte' },
  { key: 'grenoble', name: 'Grenoble', region: 'auvergne-rhone-alpes' },
  { key: 'guadeloupe', name: 'Guadeloupe', region: 'guadeloupe' },
  { key: 'guyane', name: 'Guyane', region: 'guyane' },
  { key: 'lille', name: 'Lille', region: 'hauts-de-france' },
  { key: 'limoges', name: 'Limoges', region: 'nouvelle-aquitaine' },
  { key: 'lyon', name: 'Lyon', region: 'auvergne-rhone-alpes' },
  { key: 'martinique', name: 'Martinique', region: 'martinique' },
  { key: 'mayotte', name: 'Mayotte', region: 'mayotte' },
  { key: 'montpellier', name: 'Montpellier', region: 'occitanie' },
  { key: 'nancy-metz', name: 'Nancy-Metz', region: 'grand-est' },
  { key: 'nantes', name: 'Nantes', region: 'pays-de-la-loire' },
  { key: 'nice', name: 'Nice', region: 'provence-alpes-cote-d-azur' },
  { key: 'normandie', name: 'Normandie', region: 'normandie' },
  { key: 'orleans-tours', name: 'Orléans-Tours', region: 'centre-val-de-loire' },
  { key: 'paris', name: 'Paris', region: 'ile-de-france' },
  { key: 'poitiers', name: 'Poitiers', region: 'nouvelle-aquitaine' },
  { key: 'reims', name: 'Reims', region: 'grand-est' },
  { key: 'rennes', name: 'Rennes', region: 'bretagne' },
  { key: 'reunion', name: 'La Réunion', region: 'la-reunion' },
  { key: 'strasbourg', name: 'Strasbourg', region: 'grand-est' },
  { key: 'toulouse', name: 'Toulouse', region: 'occitanie' },
  { key: 'versailles', name: 'Versailles', region: 'ile-de-france' },
])

/** Former académies whose domains still deliver mail: counted in the one they joined. */
const MERGED: Readonly<Record<string, string>> = Object.freeze({ caen: 'normandie', rouen: 'normandie' })

const BY_KEY = new Map(ACADEMIES.map((a) => [a.key, a]))

/** The académie of an address's domain (ac-toulouse.fr, or one of its subdomains), if it is one. */
export function academyOf(domain: string): Academy | undefined {
  const label = /(?:^|\.)ac-([a-z-]+)\.fr$/.exec(domain.toLowerCase())?.[1]
  if (label === undefined) return undefined
  return BY_KEY.get(MERGED[label] ?? label)
}

// The académies of the Antilles and Guyane take the article in their own names.
const WITH_ARTICLE = new Set(['guadeloupe', 'guyane', 'martinique'])

/**
 * Its name as an institution, the way the académie writes it and a newspaper prints it:
 * «Académie de Versailles», «Académie d’Amiens», «Académie de la Martinique».
 */
export function academyInstitutionName(academy: Academy): string {
  if (WITH_ARTICLE.has(academy.key)) return `Académie de la ${academy.name}`
  return /^[AEIOUÉ]/.test(academy.name) ? `Académie d’${academy.name}` : `Académie de ${academy.name}`
}
