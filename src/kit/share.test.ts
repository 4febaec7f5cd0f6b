import { describe, expect, it } from 'vitest'
import { badgeLines, escapeXml, wrap } from './artwork.js'
import { mastodonHost } from './share.js'
import { latexUrl } from './snippets.js'

describe('mastodonHost', () => {
  it('accepts an instance however people type it', () => {
    for (const input of [
      'mastodon.social',
      ' Mastodon.Social ',
      'https://mastodon.social/',
      'https://mastodon.social/@camille',
      '@camille@mastodon.social',
    ]) {
      expect(mastodonHost(input), input).toBe('mastodon.social')
    }
  })

  it('refuses anything that is not a host name', () => {
    for (const input of [
      '',
      'localhost',
      'javascript:alert(1)',
      'a b.org',
      'evil.example"><x',
      '-bad.org',
      `x.${'a'.repeat(300)}`,
    ]) {
      expect(mastodonHost(input), input).toBeUndefined()
    }
  })
})

describe('kit text helpers', () => {
  it('escape the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;')
  })

  it('keep TeX from reading a URL as commands', () => {
    expect(latexUrl('https://ex.org/a%20b#top')).toBe('https://ex.org/a\\%20b\\#top')
  })

  it('split the badge words at the middle dot', () => {
    expect(badgeLines('Objection de conscience · IA générative')).toEqual([
      'Objection de conscience',
      'IA générative',
    ])
    expect(badgeLines('One line')).toEqual(['One line'])
  })

  it('wrap a title on word boundaries within a width', () => {
    const measure = (text: string, size: number) => text.length * size * 0.5
    expect(wrap('aa bb cc dd', 30, 10, measure)).toEqual(['aa bb', 'cc dd'])
  })
})
