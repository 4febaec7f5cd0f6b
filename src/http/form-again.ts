// When storage fails, nobody loses what they typed. A route with a form names, ahead of
// anything that may touch the database (the rate limiter included), how to show that
// form again from what was sent; if the database is unreachable or the disk full, the
// error handler answers 503 with that form, every value in place and a notice saying
// nothing was saved, instead of a bare error page that would lose it all.
import type { Context, MiddlewareHandler } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { AppEnv } from './env.js'

/** Renders the form page again with `notice` above it; reads the body itself (Hono keeps it parsed). */
export type FormAgain = (c: Context<AppEnv>, notice: string) => Promise<JSX.Element> | JSX.Element

export function keepsForm(formAgain: FormAgain): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('formAgain', formAgain)
    await next()
  }
}
