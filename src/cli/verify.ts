// npm run verify: checks a site's public log, or a saved copy of it (verify-command.ts).
import { runVerify } from './verify-command.js'

const { code, stdout, stderr } = await runVerify(process.argv.slice(2))
for (const line of stdout) console.log(line)
for (const line of stderr) console.error(line)
process.exit(code)
