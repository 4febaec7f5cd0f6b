// Facts about a request that several layers need (the rate limiter, the route, the
// domain): computed once, by whichever asks first, and kept on the request.
import type { Context } from 'hono'
import { readFormStamp, type StampReading } from '../domain/form-stamp.js'
import { inNetworks, networkKey } from '../domain/network.js'
import type { Origin } from '../domain/rate-limits.js'
import { clientAddress } from './client-address.js'
import type { AppEnv } from './env.js'

/** The client's network (a keyed hash) and whether it is allow-listed. */
export function originOf<E extends AppEnv>(c: Context<E>): Origin {
  let origin = c.get('origin')
  if (!origin) {
    const { config } = c.var.ctx
    const address = clientAddress(c, config.trustedProxyHops)
    origin = {
      network: networkKey(config.secret, address),
      allowListed: inNetworks(address, config.site.limits.allowNetworks),
    }
    c.set('origin', origin)
  }
  return origin
}

/** What the form's signed timestamp says (form-stamp.ts). */
export function formStampOf<E extends AppEnv>(c: Context<E>, value: string | undefined): StampReading {
  let stamp = c.get('formStamp')
  if (!stamp) {
    const { ctx } = c.var
    stamp = readFormStamp(ctx.config.secret, value, ctx.now())
    c.set('formStamp', stamp)
  }
  return stamp
}
