// npm run doctor: checks this deployment's settings and says what is wrong (problem)
// or risky (risk), one line each; exit code 1 when there is a problem.
import { ConfigError, loadConfig } from '../config.js'
import { checkDeployment } from '../deployment-checks.js'

let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  console.log(`problem: ${err.message}`)
  process.exit(1)
}
const findings = await checkDeployment(config)
for (const f of findings) console.log(`${f.level}: ${f.text}`)
if (findings.length === 0) console.log('nothing wrong or risky found')
process.exit(findings.some((f) => f.level === 'problem') ? 1 : 0)
