// The ceiling: a bare node:http server answering every request with the same bytes
// as Paraphe's home page. Whatever Paraphe does per request is measured against it.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [bodyFile, port] = process.argv.slice(2)
const body = readFileSync(bodyFile!)
createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': body.length })
  res.end(body)
}).listen(Number(port), '127.0.0.1', () => console.log('listening'))
