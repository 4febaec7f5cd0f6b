// npm run init -- <folder>: a new collective's content folder, which starts as it is:
// site.toml with every setting and what it does, a manifesto to write in each language,
// the legal notice (the privacy notice is written from site.toml). The collective then
// edits the folder, not the code, and starts the server with CONTENT_DIR set to it.
import { cpSync, existsSync, readdirSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export const TEMPLATE = fileURLToPath(new URL('./content-template', import.meta.url))

/** Copies the template into `folder`, which must not exist or be empty; returns its absolute path. */
export function initContent(folder: string): string {
  const target = resolve(folder)
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new Error(`${target} is not empty: give a new folder, nothing there is overwritten`)
  cpSync(TEMPLATE, target, { recursive: true, filter: (file) => basename(file) !== '.gitkeep' })
  return target
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals } = parseArgs({ allowPositionals: true })
  if (positionals.length !== 1) {
    console.error('usage: npm run init -- <folder>   (a new folder for the collective’s content)')
    process.exit(2)
  }
  try {
    const target = initContent(positionals[0]!)
    console.log(`Content folder written to ${target}.

1. Fill in the settings marked «À REMPLIR / TO FILL IN» in ${target}/site.toml; the
   other settings say what they do, with their default values.
2. Write the text in ${target}/fr/manifesto.md and its translation in en/manifesto.md,
   and name the host in the legal notice (fr/pages/legal.md, en/pages/legal.md).
3. Start the server on it: CONTENT_DIR=${target} npm start`)
  } catch (err) {
    console.error(`init: ${(err as Error).message}`)
    process.exit(2)
  }
}
