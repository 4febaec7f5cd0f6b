// The manifesto is the collective's text: the site shows it as its authors wrote it,
// says where it first appeared, and never speaks in their place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messagesFor } from '../src/i18n/index.js'

const fr = messagesFor('fr')
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get } from './helpers/http.js'

// As the collective published them (the blog copy of 9 December 2025).
const SEED = {
  footnotes: [
    'Les IA génératives constituent un type particulier de système d’Intelligence Artificielle, destiné à générer du texte, des images, des sons, des vidéos, sur la base de modèles de langage (LLM pour Large Language Model) entraînés sur de vastes corpus de données.',
    'Une bibliographie indicative est proposée en fin de document.',
    'Celles et ceux qui souhaitent des éléments de discussions plus précis sur ce type d’arguments (l’IA « souveraine », l’IA « sobre », la « praticité », l’IAg « inéluctable », etc.) pourront par exemple consulter le texte « Oui mais l’IAg... » publié sur le site web de l’Atécopol de Toulouse.',
    'Pour aller plus loin sur ce sujet voir : affiche 10 de l’exposition « Pour la sobriété numérique dans l’ESR ».',
  ],
  logos:
    "Deux logos permettent aux signataires d’afficher leur adhésion à cette position. Ils peuvent être trouvés sur le site de l'Atécopol. Chacun·e est invité·e à choisir le logo qui lui convient en fonction du contexte et/ou de ses préférences.",
}

/** The words of an HTML fragment as a reader sees them: tags dropped, spaces folded. */
function textOf(html: string): string {
  return html
    .replace(/<a [^>]*class="footnote-backref"[^>]*>.*?<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
}

function footnotesOf(html: string): string[] {
  return [...html.matchAll(/<li id="fn\d+" class="footnote-item">([\s\S]*?)<\/li>/g)].map((m) =>
    textOf(m[1]!),
  )
}

describe('the text as its authors wrote it', () => {
  let app: TestApp
  let linked: TestApp
  beforeAll(async () => {
    app = await startTestApp('sqlite')
    linked = await startTestApp('sqlite', {
      CONTENT_DIR: contentWith({
        companion_url: '"https://atecopol.example/oui-mais-l-iag"',
        organisation_url: '"https://atecopol.example/"',
        url: '"https://blogs.example/atecopol/manifeste"',
      }),
    })
  })
  afterAll(async () => {
    await app?.close()
    await linked?.close()
  })

  it('keep the four footnotes and the logos sentence word for word', async () => {
    const home = (await get(app.url, '/')).html
    expect(footnotesOf(home)).toEqual(SEED.footnotes)
    expect(home).toContain(`<p>${SEED.logos}</p>`)
  })

  it('leave the title «Oui mais l’IAg...» unlinked until site.toml gives its address, then link it there', async () => {
    const plain = (await get(app.url, '/')).html
    expect(plain).not.toMatch(/<a [^>]*>«\s*Oui mais/)
    const home = (await get(linked.url, '/')).html
    expect(home).toMatch(
      /<a href="https:\/\/atecopol\.example\/oui-mais-l-iag">«\s*Oui mais l’IAg\.\.\.\s*»<\/a>/,
    )
    expect(footnotesOf(home)[2]).toBe(SEED.footnotes[2])
  })

  it('show the bibliography at the end of the document, where footnote 2 says it is', async () => {
    for (const [path, id, heading] of [
      ['/', 'bibliographie', 'Impact environnemental du Numérique et des IAg'],
      ['/en/', 'bibliography', 'Environmental impact of digital technology and generative AI'],
    ] as const) {
      const home = (await get(app.url, path)).html
      expect(home).toContain(`href="#${id}"`)
      const section = home.slice(home.indexOf(`<h2 id="${id}">`))
      expect(section).toContain('Pris dans la toile')
      // The page's own sections sit one level below the appendix's heading.
      expect(section).toContain(`<h3>${heading}</h3>`)
    }
  })

  it('say where and when the text first appeared, and keep its introduction', async () => {
    const home = (await get(app.url, '/')).html
    expect(textOf(home)).toContain(
      'Publié pour la première fois le 9 décembre 2025 sur Mediapart, blog de l’Atelier d’Écologie Politique de Toulouse, sous le titre « Manifeste pour l’objection de conscience face à l’IA dans l’éducation et la recherche ».',
    )
    expect(textOf(home)).toContain(
      'soutient que les dégâts écologiques, sociaux, et démocratiques de l’IAg la rendent incompatible avec la mission humaniste des enseignant-es et des chercheur-es.',
    )
    expect(textOf((await get(app.url, '/en/')).html)).toContain(
      'First published, in French, on 9 December 2025 on',
    )
    expect((await get(linked.url, '/')).html).toMatch(
      /<a href="https:\/\/blogs\.example\/atecopol\/manifeste">Mediapart, blog de/,
    )
  })

  it('give the three considerations headings of the level under the title', async () => {
    const home = (await get(app.url, '/')).html
    for (const n of [1, 2, 3]) expect(home).toContain(`<h2>Considération ${n}.</h2>`)
    expect(home).not.toMatch(/<h3>Considération/)
  })

  it('keep the companion page to what the footnote says, without arguing in the collective’s place', async () => {
    for (const path of ['/oui-mais-l-iag', '/en/yes-but-genai']) {
      const page = textOf((await get(app.url, path)).html)
      expect(page).not.toMatch(/ne dit pas|does not say|en attendant|in the meantime/i)
      expect(page).toMatch(/Atécopol/)
    }
    const fr = textOf((await get(app.url, '/oui-mais-l-iag')).html)
    for (const objection of [
      'l’IA « souveraine »',
      'l’IA « sobre »',
      'la « praticité »',
      'l’IAg « inéluctable »',
    ])
      expect(fr).toContain(objection)
    const linkedPage = (await get(linked.url, '/oui-mais-l-iag')).html
    expect(linkedPage).toContain('href="https://atecopol.example/oui-mais-l-iag"')
    expect(linkedPage).toContain('href="https://atecopol.example/"')
  })
})

describe('French dates', () => {
  it('write the first of the month as «1er»', () => {
    expect(fr.date('2025-12-01')).toBe('1er décembre 2025')
    expect(fr.date('2025-12-09')).toBe('9 décembre 2025')
  })
})
