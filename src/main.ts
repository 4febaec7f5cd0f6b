// Start-up only: read the settings, start the server, stop cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js'
import { startServer } from './server.js'

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Paraphe cannot start: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  const server = await startServer(config)
  const db = config.databaseUrl ? 'PostgreSQL' : config.sqliteFile
  const mail = config.smtpUrl ? 'SMTP' : `files in ${config.dataDir}/mail`
  console.log(`Paraphe listening on ${config.baseUrl} (port ${server.port}; database: ${db}; mail: ${mail})`)
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing requests in flight, then stopping`)
    server.stop().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`shutdown failed: ${err.message}`)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

main().catch((err: Error) => {
  console.error(`Paraphe stopped: ${err.message.split('\n')[0]}`)
  process.exit(1)
})
