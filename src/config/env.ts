// The environment: what differs from one deployment of the same site to another
// (addresses, folders, the database, the mail server). Nothing else in the code
// reads process.env.
import { parseSender } from '../mail/sender.js'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { ConfigError } from './error.js'

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    DATA_DIR: z
      .string()
      .min(1)
      .default('./data')
      .transform((dir) => resolve(dir)),
    CONTENT_DIR: z
      .string()
      .min(1)
      .default('./content')
      .transform((dir) => resolve(dir)),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
      .optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z
      .string()
      .refine((v) => parseSender(v) !== undefined, 'must be an address, or "Name <address>"')
      .transform((v) => parseSender(v)!)
      .optional(),
    SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    NODE_ENV: z.string().optional(),
    LOG_FORMAT: z.enum(['text', 'json'], { error: 'must be text or json' }).default('text'),
    LOG_LEVEL: z
      .enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
      .default('info'),
    // Set by systemd when the output goes to the journal (sd_journal_stream_fd).
    JOURNAL_STREAM: z.string().optional(),
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters (openssl rand -hex 16)').optional(),
    DKIM_PRIVATE_KEY_FILE: z
      .string()
      .min(1)
      .transform((file) => resolve(file))
      .optional(),
    DKIM_SELECTOR: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'must be one DNS label, e.g. paraphe2026')
      .optional(),
    DKIM_DOMAIN: z
      .string()
      .regex(
        /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i,
        'must be a domain name, e.g. example.org',
      )
      .transform((d) => d.toLowerCase())
      .optional(),
    ADMIN_EMAILS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email({ error: 'must be a comma-separated list of e-mail addresses' })))
      .default([]),
  })
  .superRefine((e, ctx) => {
    // A key without its selector signs nothing a receiver can check, and the reverse.
    if (e.DKIM_PRIVATE_KEY_FILE && !e.DKIM_SELECTOR)
      ctx.addIssue({
        code: 'custom',
        path: ['DKIM_SELECTOR'],
        message: 'is needed with DKIM_PRIVATE_KEY_FILE',
      })
    if (!e.DKIM_PRIVATE_KEY_FILE && (e.DKIM_SELECTOR || e.DKIM_DOMAIN))
      ctx.addIssue({
        code: 'custom',
        path: ['DKIM_PRIVATE_KEY_FILE'],
        message: 'is needed with DKIM_SELECTOR and DKIM_DOMAIN (npm run dkim makes one)',
      })
  })
  .transform((e) => ({
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    contentDir: e.CONTENT_DIR,
    /** A postgres:// URL, or undefined for the embedded SQLite file in dataDir. */
    databaseUrl: e.DATABASE_URL,
    sqliteFile: join(e.DATA_DIR, 'paraphe.sqlite'),
    /** undefined: mails are written as .eml files to dataDir/mail. */
    smtpUrl: e.SMTP_URL,
    /** undefined: the organisation's name at no-reply@ the site's host (config.ts). */
    mailFrom: e.MAIL_FROM,
    /** undefined: the one generated into DATA_DIR/secret at start-up (data-dir.ts). */
    secret: e.SECRET,
    /**
     * Reverse proxies in front of the server whose X-Forwarded-For can be trusted.
     * 0: the client address is the socket's, and X-Forwarded-For is ignored.
     */
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    /** Moderators named by the deployment (ADMIN_EMAILS), lower-case; more can be added with npm run admin. */
    adminEmails: Object.freeze(e.ADMIN_EMAILS),
    /**
     * DKIM signing of every mail: the private key's file, its selector, and the signing
     * domain (undefined: MAIL_FROM's, config.ts). Undefined: mails are not signed.
     */
    dkim: e.DKIM_PRIVATE_KEY_FILE
      ? { keyFile: e.DKIM_PRIVATE_KEY_FILE, selector: e.DKIM_SELECTOR!, domain: e.DKIM_DOMAIN }
      : undefined,
    /** NODE_ENV=production: nothing meant for a developer at work (such as live links in the log) is shown. */
    production: e.NODE_ENV === 'production',
    /** The server log (src/log.ts): plain lines, prefixed with their priority under systemd, or JSON. */
    log: { format: e.LOG_FORMAT, level: e.LOG_LEVEL, journal: e.JOURNAL_STREAM !== undefined },
    /**
     * Prometheus metrics (src/metrics.ts), off unless a port or a token is given: on
     * METRICS_PORT of METRICS_HOST (loopback by default), and/or at /metrics on the
     * site's port for a request bearing METRICS_TOKEN.
     */
    metrics:
      e.METRICS_PORT !== undefined || e.METRICS_TOKEN !== undefined
        ? { port: e.METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN }
        : undefined,
  }))

export type EnvConfig = z.output<typeof envSchema>

/** Reads and validates the environment; throws ConfigError naming the first wrong variable. */
export function readEnv(env: Record<string, string | undefined>): EnvConfig {
  // Empty variables are treated as unset, as shells and .env files often produce them.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(set)
  if (!parsed.success) {
    // The variable alone names the setting (not the position of a wrong address in ADMIN_EMAILS).
    const issue = parsed.error.issues[0]!
    throw new ConfigError(String(issue.path[0]), issue.message)
  }
  return parsed.data
}
