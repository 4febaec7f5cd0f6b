import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../../config.js'
import type { ListedOrganisation } from '../../domain/organisations.js'
import type { ListEvent, ListHead } from '../../domain/publication-list.js'
import { type Block, blocksOf } from './blocks.js'

const site = loadSiteConfig(new URL('../../../content', import.meta.url).pathname)

async function* noPeople(): AsyncGenerator<ListEvent> {}

async function blocks(organisations: ListedOrganisation[], locale = 'fr'): Promise<Block[]> {
  const head: ListHead = { confirmed: 3, listed: 2, organisations, at: new Date('2026-11-28T10:00:00Z') }
  const all: Block[] = []
  for await (const b of blocksOf(site, locale, head, noPeople())) all.push(b)
  return all
}

const organisation = (id: number, name: string, kind: string, url = ''): ListedOrganisation => ({
  id,
  name,
  kind,
  url,
  approved_at: '2026-11-28T09:00:00.000Z',
})

describe('the organisations in the list for publication', () => {
  it('leaves out their section, and their total, when none is listed', async () => {
    const all = await blocks([])
    expect(all.map((b) => b.kind)).toEqual(['title', 'subtitle', 'totals'])
    expect(all.find((b) => b.kind === 'totals')?.text).not.toContain('organisation')
  })

  it('puts every kind no longer configured together, under «Autres organisations», after the known kinds', async () => {
    // listOrganisations orders them so: known kinds in the order of site.toml, then the rest.
    const all = await blocks([
      organisation(1, 'SNESUP-FSU Toulouse', 'union', 'https://snesup.example/'),
      organisation(2, 'Amicale ancienne', 'club'),
      organisation(3, 'Cercle oublié', 'circle'),
    ])
    expect(all.slice(3)).toEqual([
      { kind: 'part', text: 'Organisations signataires' },
      { kind: 'note', text: '3\u00a0organisations signent en leur nom.' },
      { kind: 'subheading', text: 'Syndicats et sections syndicales' },
      { kind: 'entry', text: 'SNESUP-FSU Toulouse', url: 'https://snesup.example/' },
      { kind: 'subheading', text: 'Autres organisations' },
      { kind: 'entry', text: 'Amicale ancienne', url: undefined },
      { kind: 'entry', text: 'Cercle oublié', url: undefined },
    ])
    expect(all.find((b) => b.kind === 'totals')?.text).toContain('et 3\u00a0organisations.')
  })

  it('counts one organisation in the singular', async () => {
    const all = await blocks([organisation(1, 'IRIT', 'lab')], 'en')
    expect(all).toContainEqual({ kind: 'note', text: 'One organisation signs in its own name.' })
    expect(all.find((b) => b.kind === 'totals')?.text).toContain('and 1 organisation.')
  })
})
