// Debian's nginx with the site file the deployment guide installs (deploy/nginx-paraphe.conf),
// changed only where a test must: its own ports, a certificate made for the run, the
// test server's port. Each change is checked to apply, so that a drift of the shipped
// file breaks the test instead of testing something else.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './process.js'

export const NGINX_SITE = 'deploy/nginx-paraphe.conf'

/** nginx's path, or undefined when it is not installed (`apt-get install nginx`). */
export function nginxBinary(): string | undefined {
  for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(path, ['-v']).status === 0) return path
  }
  return undefined
}

export interface TestNginx {
  httpsPort: number
  httpPort: number
  /** The self-signed certificate nginx presents, for the client to trust. */
  certificate: string
  stop(): Promise<void>
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to)
  if (changed === text) throw new Error(`${NGINX_SITE} no longer contains ${String(from)}`)
  return changed
}

export async function startNginx(appPort: number, httpsPort: number): Promise<TestNginx> {
  const binary = nginxBinary()
  if (!binary) throw new Error('nginx is not installed')
  const dir = mkdtempSync(join(tmpdir(), 'paraphe-nginx-'))
  const httpPort = await freePort()
  const tls = join(dir, 'tls')
  mkdirSync(tls)
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      join(tls, 'privkey.pem'),
      '-out',
      join(tls, 'fullchain.pem'),
    ],
    { encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`)

  let site = readFileSync(NGINX_SITE, 'utf8')
  site = replaceOnce(site, /\/etc\/letsencrypt\/live\/manifeste\.example\.org\//g, `${tls}/`)
  site = replaceOnce(site, /server_name manifeste\.example\.org;/g, 'server_name localhost;')
  site = replaceOnce(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${appPort};`)
  site = replaceOnce(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`)
  site = replaceOnce(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
  // Loopback only, on either family: the machine running the tests may have no IPv6.
  site = replaceOnce(site, /^\s*listen \[::\]:.*$/gm, '')
  site = replaceOnce(site, 'root /var/www/html;', `root ${dir};`)
  writeFileSync(join(dir, 'site.conf'), site)

  // What /etc/nginx/nginx.conf gives a site on Debian, kept inside the test's folder.
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      ...(process.getuid?.() === 0 ? ['user root root;'] : []),
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  )
  const test = spawnSync(binary, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' })
  if (test.status !== 0) throw new Error(`nginx refuses the shipped site:\n${test.stderr}`)

  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (d) => (errors += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  for (let tries = 0; ; tries++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(httpsPort, '127.0.0.1', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (up) break
    if (tries > 100 || child.exitCode !== null)
      throw new Error(`nginx did not start: ${errors}${readFileSync(join(dir, 'error.log'), 'utf8')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    httpsPort,
    httpPort,
    certificate: readFileSync(join(tls, 'fullchain.pem'), 'utf8'),
    async stop() {
      child.kill('SIGQUIT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
