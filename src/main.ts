// Start-up only: read the settings, start the server, stop cleanly on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js'
import { createLogger, firstLine } from './log.js'
import { startServer } from './server.js'

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      // The settings, the log's format among them, could not be read: said in plain text.
      createLogger({ format: 'text' }).error(`Paraphe cannot start: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
  const logger = createLogger({
    format: config.log.format,
    level: config.log.level,
    syslogPrefix: config.log.journal,
    showLinks: !config.production,
  })
  try {
    const server = await startServer(config, { logger })
    const db = config.databaseUrl ? 'PostgreSQL' : config.sqliteFile
    const mail = config.smtpUrl ? 'SMTP' : `files in ${config.dataDir}/mail`
    logger.info(
      `Paraphe listening on ${config.baseUrl} (port ${server.port}; database: ${db}; mail: ${mail})`,
    )
    const shutdown = (signal: string) => {
      logger.info(`${signal}: finishing requests in flight, then stopping`)
      server.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error('shutdown failed', { error: firstLine(err) })
          process.exit(1)
        },
      )
    }
    process.once('SIGTERM', () => shutdown('SIGTERM'))
    process.once('SIGINT', () => shutdown('SIGINT'))
  } catch (err) {
    logger.error(`Paraphe stopped: ${firstLine(err)}`)
    process.exit(1)
  }
}

main().catch((err: unknown) => {
  createLogger({ format: 'text' }).error(`Paraphe stopped: ${firstLine(err)}`)
  process.exit(1)
})
