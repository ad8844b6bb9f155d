// Fails when src/api/schema.d.ts is stale: regenerate into a temp file and compare.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const committed = join(root, 'src/api/schema.d.ts')
const dir = mkdtempSync(join(tmpdir(), 'anjie-api-'))
const fresh = join(dir, 'schema.d.ts')
try {
  const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js')
  execFileSync(process.execPath, [cli, join(root, '../openapi/openapi.json'), '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let current = ''
  try {
    current = readFileSync(committed, 'utf8')
  } catch {
    current = ''
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error('src/api/schema.d.ts is stale: run `npm run gen:api` and commit the result.')
    process.exit(1)
  }
  console.log('src/api/schema.d.ts matches ../openapi/openapi.json')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
