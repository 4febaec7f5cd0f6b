// Every failure becomes a localised page: an AppError says what happened, anything
// else is logged (without personal data) and shown as a generic error.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppContext } from '../context.js'
import { storageFailure } from '../db/database.js'
import { AppError } from '../domain/errors.js'
import { firstLine, type Logger } from '../log.js'
import { ErrorPage } from '../views/pages.js'
import type { Assets } from './assets.js'
import type { AppEnv } from './env.js'
import { clientGone } from './form-body.js'
import { pageContext, unprefixedPath } from './locale.js'
import { render } from './render.js'

function pageFor(c: Context<AppEnv>, ctx: AppContext, assets: Assets) {
  if (c.var.page) return c.var.page
  const { locale, path } = unprefixedPath(ctx, c.req.path)
  return pageContext(ctx, assets, locale, path)
}

export function notFoundHandler(ctx: AppContext, assets: Assets): NotFoundHandler<AppEnv> {
  return (c) => {
    const p = pageFor(c, ctx, assets)
    return render(c, <ErrorPage p={p} title={p.m.error.notFoundTitle} body={p.m.error.notFoundBody} />, 404)
  }
}

/** A full disk lasts: said in the log once a minute, not once per refused request. */
const FULL_DISK_LOG_EVERY_MS = 60_000

export function errorHandler(ctx: AppContext, assets: Assets, logger: Logger): ErrorHandler<AppEnv> {
  let fullDiskLoggedAt = Number.NEGATIVE_INFINITY
  let refusedSinceLogged = 0
  return async (err, c) => {
    // Not an outage, not a bug: a client that left mid-request is not logged, and the
    // answer, which nobody will read, is kept short.
    if (clientGone(c)) return c.body(null, 400)
    const p = pageFor(c, ctx, assets)
    if (err instanceof HTTPException && err.status === 413) {
      return render(
        c,
        <ErrorPage p={p} title={p.m.error.badRequestTitle} body={p.m.error.badRequestBody} />,
        413,
      )
    }
    if (err instanceof AppError && err.code === 'bad_request') {
      return render(
        c,
        <ErrorPage p={p} title={p.m.error.badRequestTitle} body={p.m.error.badRequestBody} />,
        400,
      )
    }
    if (err instanceof AppError && err.code === 'not_found') {
      return render(c, <ErrorPage p={p} title={p.m.error.notFoundTitle} body={p.m.error.notFoundBody} />, 404)
    }
    const failure =
      err instanceof AppError && err.code === 'unavailable' ? 'unavailable' : storageFailure(err)
    if (failure) {
      c.header('Retry-After', '30')
      if (failure === 'unavailable')
        logger.error(`503 ${c.req.method} ${c.req.routePath}: database unavailable`)
      else {
        refusedSinceLogged++
        if (performance.now() - fullDiskLoggedAt >= FULL_DISK_LOG_EVERY_MS) {
          logger.error('503: disk full, writes refused until space returns', {
            refused: refusedSinceLogged,
            error: firstLine(err),
          })
          fullDiskLoggedAt = performance.now()
          refusedSinceLogged = 0
        }
      }
      const formAgain = c.req.method === 'POST' ? c.var.formAgain : undefined
      if (formAgain) {
        try {
          return render(c, await formAgain(c, p.m.error.notSaved), 503)
        } catch {
          // The form itself needs the database (a manage link read): the page below says it all.
        }
      }
      return render(
        c,
        <ErrorPage p={p} title={p.m.error.unavailableTitle} body={p.m.error.unavailableBody} />,
        503,
      )
    }
    // The route pattern, never the path: a path may hold a token.
    logger.error(`500 ${c.req.method} ${c.req.routePath}: ${err.name}: ${firstLine(err)}`)
    return render(c, <ErrorPage p={p} title={p.m.error.serverTitle} body={p.m.error.serverBody} />, 500)
  }
}
