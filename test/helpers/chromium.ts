// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's package, else
// one installed by Playwright. Without any, the tests stop at once with one line
// saying how to get one, rather than a launch error from deep inside playwright-core.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const HOW_TO_GET_ONE =
  'Debian/Ubuntu: `sudo apt-get install chromium`; macOS and Windows: `npx playwright-core install chromium`; ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.'

export function findChromium(): string {
  const named = process.env.CHROMIUM_PATH
  if (named) {
    if (existsSync(named)) return named
    throw missing(`CHROMIUM_PATH=${named} names no file. ${HOW_TO_GET_ONE}`)
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const playwrights = playwrightChromium()
  if (playwrights && existsSync(playwrights)) return playwrights
  throw missing(`No Chromium found for the browser tests. ${HOW_TO_GET_ONE}`)
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/** An error that reports as its one line: the stack would only point here. */
function missing(message: string): Error {
  const error = new Error(message)
  error.name = 'ChromiumMissing'
  error.stack = `${error.name}: ${message}`
  return error
}
