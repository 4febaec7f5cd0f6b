// Writes src/i18n/messages.ts, the type of every catalogue, from fr.toml: its keys, and
// the parameters of each message with what they are used for ({n, plural} takes a
// number, {ok, select, true…} a yes or no). Views that ask for a key fr.toml does not
// have, or forget a parameter, do not compile. Run after changing fr.toml's keys or
// parameters: `npm run i18n:types` (a test says when it is needed).
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Catalogue, type ParamUse, parameterUses } from './catalogue.js'

const TYPES: Record<ParamUse, string> = {
  text: 'string | number',
  number: 'number',
  boolean: 'boolean',
  'nullable-number': 'number | null',
}

const property = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`)

export function renderTypes(catalogue: Catalogue): string {
  type Node = { [key: string]: Node | string }
  const root: Node = {}
  for (const [key, use] of parameterUses(catalogue)) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {}
      node = node[part] as Node
    }
    const type =
      use === 'list'
        ? 'readonly string[]'
        : use.size === 0
          ? 'string'
          : `(values: { ${[...use].map(([name, u]) => `${property(name)}: ${TYPES[u]}`).join('; ')} }) => string`
    node[parts.at(-1)!] = type
  }
  const write = (node: Node, indent: string): string =>
    Object.entries(node)
      .map(([key, value]) =>
        typeof value === 'string'
          ? `${indent}readonly ${property(key)}: ${value}`
          : `${indent}readonly ${property(key)}: {\n${write(value, `${indent}  `)}\n${indent}}`,
      )
      .join('\n')
  return `// Generated from fr.toml by \`npm run i18n:types\` (src/i18n/generate-types.ts): do not edit.
export interface MessageData {
${write(root, '  ')}
}
`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { reference } = await import('./index.js')
  writeFileSync(fileURLToPath(new URL('./messages.ts', import.meta.url)), renderTypes(reference))
}
