// The ceiling: a bare node:http server answering every request with the status,
// headers and body captured from a real answer of Paraphe's GET / (bench/run.ts
// captures it and checks that this server's answer is the same). Whatever Paraphe
// does per request is measured against it, with the same load generator.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

interface CapturedAnswer {
  status: number
  /** Name, value, name, value… as received, in order. */
  rawHeaders: string[]
  bodyBase64: string
}

/** Headers node:http writes itself on every answer: left to it, as for Paraphe. */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive'])

const [answerFile, port] = process.argv.slice(2)
const answer = JSON.parse(readFileSync(answerFile!, 'utf8')) as CapturedAnswer
const body = Buffer.from(answer.bodyBase64, 'base64')
const headers: string[] = []
for (let i = 0; i < answer.rawHeaders.length; i += 2) {
  if (!CONNECTION_HEADERS.has(answer.rawHeaders[i]!.toLowerCase()))
    headers.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!)
}
createServer((_req, res) => {
  res.writeHead(answer.status, headers)
  res.end(body)
}).listen(Number(port), '127.0.0.1', () => console.log('listening'))
