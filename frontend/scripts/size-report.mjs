#!/usr/bin/env node
// Gzip size of the JavaScript each page loads before it can run: the entry script and its static
// imports (the modulepreload links Vite writes into the built HTML). Fails when the phone app's
// (/m/) exceeds its budget. Run after `npm run build`: node scripts/size-report.mjs [distDir]
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const MOBILE_BUDGET = 150 * 1000
const dist = resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname)
const pages = [
  { name: 'desktop /', html: 'index.html' },
  { name: 'phone /m/', html: 'm/index.html', budget: MOBILE_BUDGET },
]

/** Same-origin asset paths of one kind of tag, in document order, without duplicates. */
function refs(html, pattern) {
  return [...new Set([...html.matchAll(pattern)].map((m) => m[1]).filter((src) => src.startsWith('/')))]
}

function gzipBytes(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
let failed = false
for (const page of pages) {
  const html = readFileSync(join(dist, page.html), 'utf8')
  const scripts = refs(html, /<script[^>]+type="module"[^>]*\ssrc="([^"]+)"/g)
  const preloads = refs(html, /<link[^>]+rel="modulepreload"[^>]*\shref="([^"]+)"/g)
  const styles = refs(html, /<link[^>]+rel="stylesheet"[^>]*\shref="([^"]+)"/g)
  const js = [...new Set([...scripts, ...preloads])]
  if (scripts.length === 0) throw new Error(`${page.html}: no module script (was the build run?)`)
  const rows = js.map((src) => ({ src, gz: gzipBytes(join(dist, src)) }))
  const total = rows.reduce((sum, r) => sum + r.gz, 0)
  const css = styles.reduce((sum, src) => sum + gzipBytes(join(dist, src)), 0)
  console.log(`${page.name}  first-load JS ${kb(total)} gzip (${js.length} files)  CSS ${kb(css)} gzip`)
  for (const r of rows) console.log(`    ${kb(r.gz).padStart(9)}  ${r.src}`)
  if (page.budget !== undefined && total > page.budget) {
    console.error(`  over budget: ${kb(total)} > ${kb(page.budget)}`)
    failed = true
  }
  const elementPlus = js.filter((src) => /element-plus/.test(src))
  if (page.budget !== undefined && elementPlus.length > 0) {
    console.error(`  the phone app must not load Element Plus: ${elementPlus.join(', ')}`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
