// One load scenario, run in its own process so that the load generator does not
// share the server's CPU time accounting. Prints autocannon's result as JSON.
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

interface Scenario {
  url: string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  idReplacement?: boolean
  /** Distinct request paths, used in turn (confirmations: one link each). */
  paths?: string[]
  bodies?: string[]
  connections: number
  duration: number
}

const scenario = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Scenario
let next = 0
const instance = autocannon(
  {
    url: scenario.url,
    method: scenario.method ?? 'GET',
    body: scenario.body,
    headers: scenario.headers,
    idReplacement: scenario.idReplacement,
    connections: scenario.connections,
    duration: scenario.duration,
    requests: scenario.paths
      ? [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const i = next++ % scenario.paths!.length
              return { ...req, path: scenario.paths![i], body: scenario.bodies?.[i] ?? req.body }
            },
          },
        ]
      : undefined,
  },
  (err: Error | null, result: unknown) => {
    if (err) {
      console.error(err.message)
      process.exit(1)
    }
    process.stdout.write(JSON.stringify(result))
  },
)
void instance
