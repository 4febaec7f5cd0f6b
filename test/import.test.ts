// npm run import: signatures gathered before the site, brought in from a CSV file. Each
// person is mailed a consent request in their language (read here from the real SMTP
// server, sent by the running server's worker from the outbox the command filled);
// nobody is listed or counted before confirming; what the link confirms is what the
// file said; a second run mails nobody; the report says what was skipped and why.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailKey, normalizeEmail } from '../src/domain/normalize-email.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm } from './helpers/http.js'
import { signAndConfirm } from './helpers/signing.js'

const run = promisify(execFile)

const FILE = `first_name,last_name,email,category,institution,title,unit,public,display,language,initial
Ana,Aubert,ana.aubert@univ-tlse3.fr,teacher-researcher,Université Toulouse III,Maîtresse de conférences,IRIT – UMR 5505,oui,,fr,oui
Bob,Brown,bob@cnrs.fr,Researcher,CNRS,,,no,initials,en,
Cyd,,cyd@univ-tlse3.fr,researcher,UT3,,,yes,,fr,
Dan,Dupuis,not-an-address,researcher,UT3,,,yes,,fr,
Déjà,Signé,deja@univ-tlse3.fr,researcher,UT3,,,yes,,fr,
Sue,Suppressed,sue@univ-tlse3.fr,researcher,UT3,,,yes,,fr,
Ana,Encore,Ana.Aubert@univ-tlse3.fr,researcher,UT3,,,yes,,fr,
Eva,Étudiante,eva@univ-tlse3.fr,Étudiant·e,UT3,,,yes,,fr,
Fay,Faure,fay@univ-tlse3.fr,wizard,UT3,,,maybe,nobody,de,
`

describe.each(DATABASES)('importing signatures gathered elsewhere (%s)', (kind) => {
  let app: TestApp
  let dir = ''
  let file = ''
  let firstRun = ''

  /** Runs npm run import's command against the test server's database and data folder. */
  async function importFile(path: string): Promise<string> {
    const env = { ...app.env, PATH: process.env.PATH ?? '' } as Record<string, string>
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', path], { env })
    return stdout
  }

  async function confirmed(): Promise<number> {
    return ((await (await fetch(`${app.url}/api/v1/stats`)).json()) as { confirmed: number }).confirmed
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paraphe-import-'))
    file = join(dir, 'signatures.csv')
    writeFileSync(file, FILE)
    app = await startTestApp(kind)
    // The command runs on the real clock: the server's (which starts in the past) joins it,
    // else the worker would wait for the day the command dated its mails.
    app.clock.advance(Date.now() - app.clock.now().getTime() + 1000)
    await signAndConfirm(app, { email: 'deja@univ-tlse3.fr', first_name: 'Déjà', last_name: 'Signé' })
    // An address that bounced for good before.
    const key = emailKey(app.config.secret, normalizeEmail('sue@univ-tlse3.fr')!)
    await app.server.ctx.transact((tx) =>
      tx
        .insertInto('suppressions')
        .values({ email_hash: key, reason: 'bounce', created_at: new Date().toISOString() })
        .execute(),
    )
    firstRun = await importFile(file)
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('says which site the mails lead to, since they are written with the command’s settings', () => {
    expect(firstRun).toContain(`the mails' links lead to ${app.env.BASE_URL} (BASE_URL)`)
  })

  it('reports how many were imported and, line by line, why the others were skipped', () => {
    // Each wrong field is said in words, with the values its column takes.
    expect(firstRun).toContain('line 4: skipped, invalid (last_name: missing)')
    expect(firstRun).toContain('line 5: skipped, invalid (email: not an e-mail address)')
    const line10 = firstRun.split('\n').find((l) => l.startsWith('line 10: skipped, invalid ('))
    expect(line10).toContain('category: not a category of site.toml (its key or label)')
    expect(line10).toContain('display: not one of full, initials, withheld')
    expect(line10).toContain('public: neither yes nor no')
    expect(line10).toContain("language: not one of the site's languages (fr, en)")
    // No code of the form's, meant for its messages, reaches the operator.
    expect(firstRun).not.toMatch(/_invalid|: required/)
    expect(firstRun).toContain('line 6: skipped, already signed here')
    expect(firstRun).toContain('line 7: skipped, the address refuses mail')
    expect(firstRun).toContain('line 8: skipped, the same address earlier in the file')
    expect(firstRun).toMatch(/^imported: 3 .*; skipped: 6/m)
    // The report names lines, never the addresses.
    expect(firstRun).not.toContain('@')
  })

  it('mails each imported person a consent request in their language, and nobody else', async () => {
    const mails = await app.smtp.waitForMessages(4)
    // Give the worker time to send anything it should not have.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(app.smtp.messages).toHaveLength(4)
    const to = (m: (typeof mails)[number]) => (Array.isArray(m.to) ? m.to[0]!.text : (m.to?.text ?? ''))
    const ana = app.smtp.messages.find((m) => to(m) === 'ana.aubert@univ-tlse3.fr')!
    expect(ana.subject).toMatch(
      /^Face à l’IA générative, l’objection de conscience — confirmez-vous votre signature\s\?$/u,
    )
    expect(ana.text).toContain('Bonjour Ana,')
    expect(ana.text).toContain('qu’il a reçue de l’Atelier d’Écologie Politique de Toulouse')
    expect(ana.text).toContain('ni publiée ni comptée sans votre accord')
    const bob = app.smtp.messages.find((m) => to(m) === 'bob@cnrs.fr')!
    expect(bob.subject).toMatch(/^Facing generative AI.* — will you confirm your signature\?$/)
    expect(bob.text).toContain('/en/confirm/')
    // Nobody asked for it on the site: the footer says where the address came from, not «following a request».
    expect(ana.text).toContain('à partir de la liste de signataires qu’il a reçue')
    expect(ana.text).not.toContain('à la suite d’une demande faite le')
    expect(bob.text).toContain('from the list of signatories it was given')
    expect(bob.text).not.toContain('following a request made on')
    expect(app.smtp.messages.map(to).sort()).toEqual([
      'ana.aubert@univ-tlse3.fr',
      'bob@cnrs.fr',
      'deja@univ-tlse3.fr',
      'eva@univ-tlse3.fr',
    ])
  })

  it('neither lists nor counts anyone before they confirm; then records exactly what the file said', async () => {
    expect(await confirmed()).toBe(1)
    expect((await get(app.url, '/signatories')).html).not.toContain('Aubert')
    const ana = app.smtp.messages.find((m) => m.text?.includes('Bonjour Ana,'))!
    const path = linkIn(ana.text ?? '', 'confirm')
    const page = await get(app.url, path)
    for (const shown of [
      'Ana',
      'Aubert',
      'Maîtresse de conférences',
      'IRIT – UMR 5505',
      'Université Toulouse III',
    ])
      expect(page.html).toContain(shown)
    // Ana typed none of it: the page says who did, and that she may sign herself instead.
    expect(page.html).toContain('tel que le collectif l’a transmis')
    expect(page.html).toContain('signez vous-même avec les bonnes informations')
    expect(page.html).not.toContain('tel que le formulaire l’a reçu')
    expect(page.html).not.toContain('Précision saisie')
    const done = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
    expect(done.status).toBe(303)
    expect(await confirmed()).toBe(2)
    const list = (await get(app.url, '/signatories')).html
    // Marked in the file: among the «Premiers signataires».
    const initial = list.slice(list.indexOf('<h2>Premiers signataires</h2>'), list.indexOf('<h2>Ensemble'))
    expect(initial).toContain('Ana Aubert')
    expect(initial).toContain('Maîtresse de conférences')

    const bob = app.smtp.messages.find((m) => m.text?.includes('Hello Bob'))!
    const bobPath = linkIn(bob.text ?? '', 'confirm')
    const bobPage = await get(app.url, bobPath)
    await postForm(app.url, bobPath, { csrf: hiddenValue(bobPage.html, 'csrf') })
    expect(await confirmed()).toBe(3)
    // Not to be listed, as the file said.
    expect((await get(app.url, '/signatories')).html).not.toContain('Brown')
  })

  it('mails nobody twice when the same file is run again, even once a pending signature is gone', async () => {
    const before = app.smtp.messages.length
    // Eva never answered: her pending signature is purged after unconfirmed_days.
    const eva = emailKey(app.config.secret, normalizeEmail('eva@univ-tlse3.fr')!)
    await app.server.ctx.transact((tx) => tx.deleteFrom('signatures').where('email_hash', '=', eva).execute())
    const again = await importFile(file)
    expect(again).toMatch(/^imported: 0 /m)
    expect(again).toContain('line 2: skipped, already signed here')
    expect(again).toContain('line 9: skipped, already mailed by an earlier import')
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(app.smtp.messages.length).toBe(before)
  })

  it('refuses a file whose columns it does not know, naming them', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'prenom,nom,email\nA,B,a@b.fr\n')
    const refused = await importFile(bad).catch((e: { code: number; stderr: string }) => e)
    expect((refused as { code: number }).code).toBe(1)
    expect((refused as { stderr: string }).stderr).toContain('unknown column(s): prenom, nom')
  })
})
