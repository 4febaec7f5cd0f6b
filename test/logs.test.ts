// The server log as an operator reads it: one line per event with its level, plain for
// journalctl or JSON for a collector, and nothing in it that names or reaches a signatory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { freePort, spawnServer, type ServerProcess } from './helpers/process.js'

const MINUTE = 60_000

describe('the server log', () => {
  let app: TestApp | undefined
  let server: ServerProcess | undefined
  const folders: string[] = []
  afterEach(async () => {
    await app?.close()
    app = undefined
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM')
      await server.exited
    }
    server = undefined
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('says when a delayed mail finally goes out, and never names an address, a name or a token', async () => {
    const lines: string[] = []
    app = await startTestApp('sqlite', { NODE_ENV: 'production' }, { log: (line) => lines.push(line) })
    const signatory = {
      first_name: 'Prudence',
      last_name: 'Vauquelin',
      email: 'prudence.vauquelin@cnrs.fr',
    }
    app.smtp.refuseWith(451)
    expect((await postForm(app.url, '/sign', validSignature(signatory))).status).toBe(303)
    await app.server.worker.drain()
    expect(lines).toContainEqual(
      expect.stringMatching(/^mail not delivered; will retry mail=\d+ kind=\w+ code=451$/),
    )

    app.smtp.refuseWith(undefined)
    app.clock.advance(3 * MINUTE)
    await app.server.worker.drain()
    const [mail] = await app.smtp.waitForMessages(1)
    const delivered = lines.find((line) => line.startsWith('mail delivered after a delay'))
    expect(delivered).toMatch(/ attempts=2 /)
    expect(Number(/waited_seconds=(\d+)/.exec(delivered!)?.[1])).toBeGreaterThanOrEqual(180)

    // The rest of a signatory's path: confirming, asking for the manage link, a mistyped link.
    const confirmLink = linkIn(mail!.text!, 'confirm')
    const page = await get(app.url, confirmLink)
    expect((await postForm(app.url, confirmLink, { csrf: hiddenValue(page.html, 'csrf') })).status).toBe(303)
    await postForm(app.url, '/manage', { email: signatory.email })
    await app.server.afterAnswer.idle()
    await app.server.worker.drain()
    const manageLink = linkIn(app.smtp.messages.at(-1)!.text!, 'manage')
    expect((await get(app.url, `${confirmLink}x`)).status).toBeLessThan(500)

    expect(lines.length).toBeGreaterThan(1)
    const log = lines.join('\n')
    for (const personal of [
      signatory.email,
      'prudence.vauquelin',
      signatory.first_name,
      signatory.last_name,
      confirmLink.split('/').at(-1)!,
      manageLink.split('/').at(-1)!,
    ])
      expect(log).not.toContain(personal)
  })

  async function start(env: Record<string, string>): Promise<ServerProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-log-'))
    folders.push(dataDir)
    server = await spawnServer({ DATA_DIR: dataDir, ...env }, await freePort())
    return server
  }

  async function stop(s: ServerProcess): Promise<string[]> {
    s.child.kill('SIGTERM')
    await s.exited
    return s.output().trim().split('\n')
  }

  it('writes JSON lines with LOG_FORMAT=json, each with its level, its time and its message', async () => {
    const lines = await stop(await start({ LOG_FORMAT: 'json' }))
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(events.find((e) => String(e.msg).startsWith('Paraphe listening'))).toMatchObject({ level: 'info' })
    expect(events.at(-1)).toMatchObject({
      level: 'info',
      msg: 'SIGTERM: finishing requests in flight, then stopping',
    })
    for (const e of events) expect(new Date(String(e.time)).getTime()).not.toBeNaN()
  })

  it('writes plain lines that journald files under their priority when the output goes to the journal', async () => {
    const lines = await stop(await start({ JOURNAL_STREAM: '8:12345' }))
    expect(lines).toContainEqual(expect.stringMatching(/^<6>info Paraphe listening on /))
    for (const line of lines) expect(line).toMatch(/^<[3-7]>(error|warn|info|debug) /)
  })
})
