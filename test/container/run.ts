// npm run test:container: builds the Containerfile with buildah (no daemon, no registry:
// the base image is made locally, see make-base.sh), starts the image's own command on
// a data folder mounted as its volume, and takes one signature through it, from the
// form to the mailed link to the count. Not part of npm test: building compiles
// better-sqlite3 and takes minutes.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { get, hiddenValue, linkIn, postForm, validSignature } from '../helpers/http.js'
import { freePort } from '../helpers/process.js'
import { startSmtp } from '../helpers/smtp.js'

const IMAGE = 'localhost/paraphe:test'
// vfs and chroot: what works without privileges beyond root, in a container or not.
const buildah = (...args: string[]) =>
  execFileSync('buildah', ['--storage-driver', 'vfs', ...args], { encoding: 'utf8' }).trim()
const say = (line: string) => console.log(`test:container: ${line}`)
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what)
  say(`ok: ${what}`)
}

let started = Date.now()
execFileSync('bash', ['test/container/make-base.sh'], { stdio: 'inherit' })
say(`building ${IMAGE} from Containerfile…`)
execFileSync(
  'buildah',
  [
    '--storage-driver',
    'vfs',
    'build',
    '--isolation',
    'chroot',
    // The Docker format keeps HEALTHCHECK, which the OCI format has no field for.
    '--format',
    'docker',
    '--layers',
    '-f',
    'Containerfile',
    '-t',
    IMAGE,
    '.',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
)
say(`built in ${seconds(started)}`)

const config = JSON.parse(buildah('inspect', '--type', 'image', IMAGE)) as {
  Docker: {
    config: {
      User: string
      Volumes: Record<string, unknown>
      Healthcheck?: { Test: string[] }
      Cmd: string[]
      Env: string[]
    }
  }
}
const image = config.Docker.config
check(image.User === 'paraphe', `runs as the user paraphe, not root (USER ${image.User})`)
check(Object.keys(image.Volumes ?? {}).includes('/data'), 'declares /data, DATA_DIR, as a volume')
check(image.Healthcheck?.Test?.[0] === 'CMD', 'carries a healthcheck')
check(image.Cmd.includes('dist/src/main.js'), `starts the built server: ${image.Cmd.join(' ')}`)
const size = buildah('images', '--format', '{{.Size}}', IMAGE)
say(`image size: ${size}`)

// The volume: a folder of the host owned by the image's user, as a named volume would be.
const data = mkdtempSync(join(tmpdir(), 'paraphe-container-'))
chownSync(data, 10001, 10001)
chmodSync(data, 0o700)
const port = await freePort()
const smtp = await startSmtp()
const container = buildah('from', IMAGE)
// chroot isolation shares the host's network: the server is reached on the host's loopback.
const run = spawn(
  'buildah',
  [
    '--storage-driver',
    'vfs',
    'run',
    '--isolation',
    'chroot',
    '--volume',
    `${data}:/data`,
    '--env',
    `PORT=${port}`,
    '--env',
    'HOST=127.0.0.1',
    '--env',
    `BASE_URL=http://127.0.0.1:${port}`,
    // A bind mount made by buildah run under chroot isolation does not reach back to
    // the host: the mail is read where a provider would receive it, over SMTP.
    '--env',
    `SMTP_URL=${smtp.url}`,
    container,
    '--',
    ...image.Cmd,
  ],
  { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
)
let output = ''
run.stdout!.on('data', (d) => (output += d))
run.stderr!.on('data', (d) => (output += d))
const url = `http://127.0.0.1:${port}`
try {
  started = Date.now()
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (run.exitCode !== null || Date.now() - started > 90_000)
      throw new Error(`the server did not answer:\n${output}`)
    await sleep(250)
  }
  say(`server up in ${seconds(started)}; it said: ${output.trim().split('\n').join(' | ')}`)
  check(/^info Paraphe listening on /m.test(output), 'it logs one line per event, its level first')
  // The healthcheck's own command, run in the container as the engine would; it throws when it fails.
  const probe = spawnSync(
    'buildah',
    [
      '--storage-driver',
      'vfs',
      'run',
      '--isolation',
      'chroot',
      '--env',
      `PORT=${port}`,
      container,
      '--',
      ...image.Healthcheck!.Test.slice(1),
    ],
    { encoding: 'utf8' },
  )
  check(probe.status === 0, "the image's healthcheck passes against the running server")

  const signed = await postForm(
    url,
    '/sign',
    validSignature({ email: 'container@cnrs.fr', last_name: 'Conteneur' }),
  )
  check(signed.status === 303, `a signature is accepted (${signed.status} to ${signed.location})`)
  const [mail] = await smtp.waitForMessages(1, 30_000)
  check(mail !== undefined, 'its confirmation mail reaches the SMTP server on loopback')
  const link = linkIn(mail!.text!, 'confirm')
  const page = await get(url, link)
  const confirmed = await postForm(url, link, { csrf: hiddenValue(page.html, 'csrf') })
  check(confirmed.status === 303, `the mailed link confirms it (${confirmed.status})`)
  const stats = (await (await fetch(`${url}/api/v1/stats`)).json()) as { confirmed: number }
  check(stats.confirmed === 1, `the count says ${stats.confirmed}`)
} finally {
  // The whole group buildah started (it and the server), then the working container.
  if (run.pid && run.exitCode === null) {
    process.kill(-run.pid, 'SIGTERM')
    for (let i = 0; i < 50 && run.exitCode === null; i++) await sleep(100)
    if (run.exitCode === null) process.kill(-run.pid, 'SIGKILL')
  }
  buildah('rm', container)
  rmSync(data, { recursive: true, force: true })
  await smtp.close()
}
say('passed')
