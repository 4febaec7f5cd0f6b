// Hostile input and careless deployments: what the data folder, the log and the proxy
// settings must not give away, how malformed or abandoned requests are answered, and
// names made of look-alike letters. Each behaviour is checked through HTTP on both
// databases.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupSqlite, defaultBackupFile } from '../src/db/backup.js'
import { searchKey } from '../src/domain/clean-text.js'
import { contentWithModeration, logInAs, signAndConfirm } from './helpers/admin.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, postForm, validSignature } from './helpers/http.js'
import { mailFiles } from './helpers/mail-files.js'

const MODERATOR = 'hardening@paraphe.test'
const A_TOKEN = 'A'.repeat(43)

/** Permission bits of a file or folder: 0o700, 0o644… */
const modeOf = (path: string) => statSync(path).mode & 0o777

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(DATABASES)('files in DATA_DIR (%s)', (kind) => {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true })
  })

  it("creates DATA_DIR, its mail folder, the secret and the database files readable by the server's user only", async () => {
    const parent = mkdtempSync(join(tmpdir(), 'paraphe-files-'))
    made.push(parent)
    const dataDir = join(parent, 'new', 'data')
    const app = await startTestApp(kind, { DATA_DIR: dataDir }, { mail: 'files' })
    try {
      expect((await postForm(app.url, '/sign', validSignature({ email: 'files@cnrs.fr' }))).status).toBe(303)
      await app.server.worker.drain()
      expect(modeOf(dataDir)).toBe(0o700)
      expect(modeOf(join(dataDir, 'mail'))).toBe(0o700)
      expect(modeOf(join(dataDir, 'secret'))).toBe(0o600)
      const mails = readdirSync(join(dataDir, 'mail'))
      expect(mails.length).toBeGreaterThan(0)
      for (const name of mails) expect(modeOf(join(dataDir, 'mail', name))).toBe(0o600)
      if (kind === 'sqlite') {
        // The write-ahead log holds recent signatures until a checkpoint: as private as the database.
        for (const suffix of ['', '-wal', '-shm'])
          expect(modeOf(join(dataDir, `paraphe.sqlite${suffix}`))).toBe(0o600)
        // npm run backup's copy is as private as the database.
        const copy = defaultBackupFile(dataDir, new Date())
        await backupSqlite(join(dataDir, 'paraphe.sqlite'), copy)
        expect(modeOf(join(dataDir, 'backups'))).toBe(0o700)
        expect(modeOf(copy)).toBe(0o600)
      }
    } finally {
      await app.close()
    }
  })

  it('tightens the files it owns when it finds them open to others, and warns in one line about a DATA_DIR that is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-loose-'))
    made.push(dataDir)
    chmodSync(dataDir, 0o755)
    mkdirSync(join(dataDir, 'mail'))
    chmodSync(join(dataDir, 'mail'), 0o755)
    writeFileSync(join(dataDir, 'secret'), `${'s'.repeat(43)}\n`)
    chmodSync(join(dataDir, 'secret'), 0o644)
    if (kind === 'sqlite') {
      writeFileSync(join(dataDir, 'paraphe.sqlite'), '')
      chmodSync(join(dataDir, 'paraphe.sqlite'), 0o644)
    }
    const lines: string[] = []
    const app = await startTestApp(
      kind,
      { DATA_DIR: dataDir },
      { mail: 'files', log: (line) => lines.push(line) },
    )
    try {
      expect((await postForm(app.url, '/sign', validSignature({ email: 'loose@cnrs.fr' }))).status).toBe(303)
      await app.server.worker.drain()
      const warnings = lines.filter((line) => line.includes('DATA_DIR'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(dataDir)
      expect(warnings[0]).toContain('chmod 700')
      // The folder may be the operator's choice (a backup group): it is named, not changed.
      expect(modeOf(dataDir)).toBe(0o755)
      expect(modeOf(join(dataDir, 'mail'))).toBe(0o700)
      expect(modeOf(join(dataDir, 'secret'))).toBe(0o600)
      if (kind === 'sqlite') {
        for (const suffix of ['', '-wal', '-shm'])
          expect(modeOf(join(dataDir, `paraphe.sqlite${suffix}`))).toBe(0o600)
      }
    } finally {
      await app.close()
    }
  })
})

describe.each(DATABASES)('mail written to files when SMTP_URL is unset (%s)', (kind) => {
  async function signAndReadLog(env: Record<string, string>): Promise<{ lines: string[]; app: TestApp }> {
    const lines: string[] = []
    const app = await startTestApp(kind, env, { mail: 'files', log: (line) => lines.push(line) })
    expect((await postForm(app.url, '/sign', validSignature({ email: 'logged@cnrs.fr' }))).status).toBe(303)
    expect(await mailFiles(app)).toHaveLength(1)
    return { lines, app }
  }

  it('logs the path of each mail file, and the link to follow when NODE_ENV is not production', async () => {
    const { lines, app } = await signAndReadLog({})
    try {
      const written = lines.filter((line) => line.startsWith('mail written to'))
      expect(written).toHaveLength(1)
      expect(written[0]).toContain(join(app.dataDir, 'mail'))
      expect(written[0]).toMatch(/\/confirm\/[A-Za-z0-9_-]{20,}/)
    } finally {
      await app.close()
    }
  })

  it('never logs the link in production: a manage link in a log lets its reader edit or withdraw a signature', async () => {
    const { lines, app } = await signAndReadLog({ NODE_ENV: 'production' })
    try {
      const written = lines.filter((line) => line.startsWith('mail written to'))
      expect(written).toHaveLength(1)
      expect(written[0]).toContain(join(app.dataDir, 'mail'))
      for (const line of lines) expect(line).not.toMatch(/\/(confirm|manage)\/[A-Za-z0-9_-]/)
    } finally {
      await app.close()
    }
  })
})

/** Form bodies that announce multipart/form-data and are not. */
const MALFORMED_MULTIPART: { contentType: string; body: string }[] = [
  { contentType: 'multipart/form-data', body: 'email=a%40cnrs.fr' },
  { contentType: 'multipart/form-data; boundary=XYZ', body: 'no boundary in here' },
  {
    contentType: 'multipart/form-data; boundary=XYZ',
    body: '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\ncut short',
  },
]

async function postRaw(url: string, contentType: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': contentType, ...headers },
    body,
  })
  return { status: res.status, html: await res.text() }
}

describe.each(DATABASES)('a malformed multipart/form-data body (%s)', (kind) => {
  let app: TestApp
  let lines: string[]
  let cookie: string
  beforeAll(async () => {
    lines = []
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR }, { log: (line) => lines.push(line) })
    cookie = await logInAs(app, MODERATOR)
  })
  afterAll(async () => {
    await app?.close()
  })

  const publicRoutes = [
    '/sign',
    '/manage',
    `/manage/${A_TOKEN}`,
    `/manage/${A_TOKEN}/withdraw`,
    `/confirm/${A_TOKEN}`,
    '/institutions/cnrs.fr/contact',
    `/relay/${A_TOKEN}`,
    `/debate/stop/1/${A_TOKEN}`,
  ]

  it("answers 400 with the error page in the visitor's language on every public form route, never a 500", async () => {
    for (const [prefix, words] of [
      ['', 'Requête invalide'],
      ['/en', 'Bad request'],
    ] as const) {
      for (const route of publicRoutes) {
        for (const { contentType, body } of MALFORMED_MULTIPART) {
          const page = await postRaw(app.url + prefix + route, contentType, body)
          expect({ route: prefix + route, contentType, status: page.status }).toEqual({
            route: prefix + route,
            contentType,
            status: 400,
          })
          expect(page.html).toContain(words)
        }
      }
    }
    expect(lines.filter((line) => line.startsWith('500'))).toEqual([])
  })

  it("answers 400 on the moderators' login and on every admin action, signed in or not", async () => {
    const routes: [string, Record<string, string>][] = [
      ['/admin/login', {}],
      [`/admin/login/${A_TOKEN}`, {}],
      ['/admin/logout', {}],
      ['/admin/language', {}],
      ['/admin/signing', { Cookie: cookie }],
      ['/admin/domains', { Cookie: cookie }],
      ['/admin/export', { Cookie: cookie }],
      ['/admin/bulk/preview', { Cookie: cookie }],
      ['/admin/bulk/invalidate', { Cookie: cookie }],
      ['/admin/reconcile', { Cookie: cookie }],
      ['/admin/signatures/1/hide', { Cookie: cookie }],
    ]
    for (const [route, headers] of routes) {
      for (const { contentType, body } of MALFORMED_MULTIPART) {
        const page = await postRaw(app.url + route, contentType, body, headers)
        expect({ route, contentType, status: page.status }).toEqual({ route, contentType, status: 400 })
        expect(page.html).toContain('Requête invalide')
      }
    }
    expect(lines.filter((line) => line.startsWith('500'))).toEqual([])
  })

  it('still accepts a well-formed multipart form', async () => {
    const form = new FormData()
    for (const [name, value] of Object.entries(validSignature({ email: 'multipart@cnrs.fr' })))
      form.append(name, value)
    const res = await fetch(`${app.url}/sign`, { method: 'POST', redirect: 'manual', body: form })
    expect(res.status).toBe(303)
  })
})

/** Sends the head of a request and part of its body, then drops the connection. */
async function dropMidUpload(
  port: number,
  path: string,
  contentType: string,
  partialBody: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: paraphe.test\r\nContent-Type: ${contentType}\r\nContent-Length: 8000\r\n\r\n${partialBody}`,
      )
      setTimeout(() => {
        socket.destroy()
        resolve()
      }, 150)
    })
    socket.on('error', reject)
  })
}

describe.each(DATABASES)('a client that drops mid-upload (%s)', (kind) => {
  let app: TestApp
  const lines: string[] = []
  beforeAll(async () => {
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR }, { log: (line) => lines.push(line) })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('is not logged as a database outage, nor as an error, and the server goes on answering', async () => {
    const urlencoded = 'application/x-www-form-urlencoded'
    const multipart = 'multipart/form-data; boundary=XYZ'
    await dropMidUpload(app.server.port, '/sign', urlencoded, 'first_name=Cam')
    await dropMidUpload(
      app.server.port,
      '/en/sign',
      multipart,
      '--XYZ\r\nContent-Disposition: form-data; name="first_name"\r\n\r\nCam',
    )
    await dropMidUpload(app.server.port, '/manage', urlencoded, 'email=someone%40')
    await dropMidUpload(app.server.port, '/admin/login', urlencoded, 'email=someone%40')
    await sleep(300)
    expect(lines.filter((line) => /database unavailable|^5\d\d /.test(line))).toEqual([])
    expect((await get(app.url, '/')).status).toBe(200)
    expect((await postForm(app.url, '/sign', validSignature({ email: 'after-drop@cnrs.fr' }))).status).toBe(
      303,
    )
  })
})

describe.each(DATABASES)('behind a reverse proxy, TRUSTED_PROXY_HOPS=1 (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind, { TRUSTED_PROXY_HOPS: '1' })
  })
  afterAll(async () => {
    await app?.close()
  })

  async function networkKeyOf(lastName: string): Promise<string | null> {
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select('network_key')
      .where('last_name', '=', lastName)
      .executeTakeFirstOrThrow()
    return row.network_key
  }

  it('takes the socket address when the X-Forwarded-For entry it would trust is not an IP address', async () => {
    const sign = (lastName: string, headers: Record<string, string>) =>
      postForm(
        app.url,
        '/sign',
        validSignature({ last_name: lastName, email: `${lastName.toLowerCase()}@cnrs.fr` }),
        headers,
      )
    expect((await sign('Socket', {})).status).toBe(303)
    expect((await sign('Proxied', { 'X-Forwarded-For': '198.51.100.7' })).status).toBe(303)
    const forged = ['not-an-address', '<script>', '198.51.100.7:4711', 'unknown', '999.1.1.1', '::ffff:zz']
    for (const [i, value] of forged.entries()) {
      expect(
        (await sign(`Forged${'x'.repeat(i)}`, { 'X-Forwarded-For': `203.0.113.9, ${value}` })).status,
      ).toBe(303)
    }
    const socket = await networkKeyOf('Socket')
    expect(socket).not.toBeNull()
    expect(await networkKeyOf('Proxied')).not.toBe(socket)
    for (const [i] of forged.entries()) expect(await networkKeyOf(`Forged${'x'.repeat(i)}`)).toBe(socket)
  })

  it('warns in one line at start-up when it trusts a proxy but listens beyond loopback', async () => {
    const open: string[] = []
    const wide = await startTestApp(
      kind,
      { TRUSTED_PROXY_HOPS: '1', HOST: '0.0.0.0' },
      { log: (line) => open.push(line) },
    )
    await wide.close()
    const closed: string[] = []
    const loopback = await startTestApp(
      kind,
      { TRUSTED_PROXY_HOPS: '1', HOST: '127.0.0.1' },
      { log: (line) => closed.push(line) },
    )
    await loopback.close()
    const direct: string[] = []
    const noProxy = await startTestApp(
      kind,
      { TRUSTED_PROXY_HOPS: '0', HOST: '0.0.0.0' },
      { log: (line) => direct.push(line) },
    )
    await noProxy.close()
    const warnings = open.filter((line) => line.includes('TRUSTED_PROXY_HOPS'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('HOST=127.0.0.1')
    expect(closed.filter((line) => line.includes('TRUSTED_PROXY_HOPS'))).toEqual([])
    expect(direct.filter((line) => line.includes('TRUSTED_PROXY_HOPS'))).toEqual([])
  })
})

describe.each(DATABASES)('names that only differ by look-alike letters (%s)', (kind) => {
  let app: TestApp
  let content: string
  beforeAll(async () => {
    content = contentWithModeration('watch_list = ["Emmanuel Macron"]\nsame_name_signatures = 2')
    app = await startTestApp(kind, { CONTENT_DIR: content })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(content, { recursive: true, force: true })
  })

  async function flagsOf(email: string): Promise<string[]> {
    const rows = await app.server.ctx.db
      .selectFrom('signature_flags')
      .select('flag')
      .where('signature_id', '=', ids.get(email)!)
      .orderBy('flag')
      .execute()
    return rows.map((r) => r.flag)
  }
  /** Signature ids by address, as each is signed and confirmed through HTTP. */
  const ids = new Map<string, number>()
  async function sign(first: string, last: string, email: string) {
    ids.set(email, await signAndConfirm(app, { first_name: first, last_name: last, email }))
  }

  it('counts a name typed with Cyrillic or Greek letters as the same name as its Latin look-alike', async () => {
    await sign('Camille', 'Durand', 'latin@cnrs.fr')
    expect(await flagsOf('latin@cnrs.fr')).toEqual([])
    // Cyrillic а (U+0430) for Latin a; then Cyrillic С, а, і, е and Greek α.
    await sign('C\u0430mille', 'Dur\u0430nd', 'cyrillic@cnrs.fr')
    await sign('\u0421\u0430m\u0456ll\u0435', 'Dur\u03b1nd', 'mixed@cnrs.fr')
    expect(await flagsOf('latin@cnrs.fr')).toEqual(['same_name'])
    expect(await flagsOf('cyrillic@cnrs.fr')).toEqual(['same_name'])
    expect(await flagsOf('mixed@cnrs.fr')).toEqual(['same_name'])
  })

  it('raises the watch-list flag for a watched name written with look-alike letters', async () => {
    await sign('\u0415mmanuel', 'Macr\u043en', 'watched@cnrs.fr')
    expect(await flagsOf('watched@cnrs.fr')).toContain('watch_list')
  })

  it('leaves a different name alone, and keeps the public search on the letters as typed', async () => {
    await sign('Camila', 'Durand', 'other@cnrs.fr')
    expect(await flagsOf('other@cnrs.fr')).toEqual([])
    const cyrillic = await get(app.url, `/signatories?q=${encodeURIComponent('Dur\u0430nd')}`)
    expect(cyrillic.html).toContain('C\u0430mille')
    expect(cyrillic.html).not.toContain('Camila')
  })

  it('recomputes, on upgrade, the name keys of signatures made before look-alike letters were matched', async () => {
    // As the migrator does, on the database handle itself.
    const db = app.server.database.db
    await sign('\u041elga', 'P\u0435tit', 'before-upgrade@cnrs.fr')
    // As the previous version stored it: lower case, accents removed, letters as typed.
    await db
      .updateTable('signatures')
      .set({ name_key: searchKey('\u041elga P\u0435tit') })
      .where('id', '=', ids.get('before-upgrade@cnrs.fr')!)
      .execute()
    const { up } = await import('../src/db/migrations/009_name_skeletons.js')
    await up(db)
    await sign('Olga', 'Petit', 'after-upgrade@cnrs.fr')
    expect(await flagsOf('before-upgrade@cnrs.fr')).toEqual(['same_name'])
    expect(await flagsOf('after-upgrade@cnrs.fr')).toEqual(['same_name'])
  })
})
