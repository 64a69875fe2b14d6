// One recording process: records `count` requests to the origin into one cassette, then saves
// at the moment the parent says (a file appears), so two processes save at the same time.
import { existsSync } from 'node:fs'
import { setupServer } from 'msw/node'
import { fromCassette } from 'msw-cassette'

const [origin, dir, name, mode, worker, count, go] = process.argv.slice(2)
const server = setupServer()
server.listen({ onUnhandledRequest: 'error' })
const handlers = fromCassette(name, { dir, mode })
server.use(...handlers)
for (let n = 0; n < Number(count); n++) {
  await (await fetch(`${origin}/${worker}/${n}`)).text()
}
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 5))
const written = await handlers.save()
server.close()
process.stdout.write(String(written))
