/**
 * Build-time pieces of the phone app (/m/): its web manifest and icons, and the list of files the
 * service worker may precache (only what /m/ loads, never the desktop's Element Plus chunk).
 */
import { crc32, deflateSync } from 'node:zlib'
import type { Plugin } from 'vite'

export const MOBILE_BASE = '/m/'
export const MOBILE_HTML = 'm/index.html'
const BRAND = [0xb3, 0x26, 0x1e] as const
const ICON_SIZES = [192, 512] as const

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/** Distance from p to the segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/**
 * A square brand-red icon with a white tick (a visit recorded), drawn in full bleed so it also
 * works as a maskable icon: the tick stays inside the 80 % safe zone.
 */
export function iconPng(size: number): Buffer {
  const rows: Buffer[] = []
  const stroke = size * 0.075
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size
      const v = (y + 0.5) / size
      const d = Math.min(
        segmentDistance(u, v, 0.3, 0.52, 0.44, 0.66),
        segmentDistance(u, v, 0.44, 0.66, 0.72, 0.36),
      )
      // One pixel of anti-aliasing at the tick's edge.
      const cover = Math.max(0, Math.min(1, (stroke / size - d) * size + 0.5))
      const offset = 1 + x * 4
      for (let c = 0; c < 3; c++) row[offset + c] = Math.round(BRAND[c]! * (1 - cover) + 255 * cover)
      row[offset + 3] = 255
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export function webManifest(): Record<string, unknown> {
  return {
    name: '案结·回访',
    short_name: '案结·回访',
    description: '信访积案回访记录（可离线）',
    lang: 'zh-CN',
    id: MOBILE_BASE,
    scope: MOBILE_BASE,
    start_url: MOBILE_BASE,
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#b3261e',
    icons: ICON_SIZES.map((size) => ({
      src: `${MOBILE_BASE}icon-${size}.png`,
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose: 'any maskable',
    })),
  }
}

/**
 * Dev server: a reload of a phone route (/m/queue) gets the phone app's shell, not the desktop's
 * (Vite's own history fallback only knows the root index.html).
 */
export function mobileDevFallback(): Plugin {
  return {
    name: 'anjie:mobile-dev-fallback',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? ''
        const lastSegment = path.slice(path.lastIndexOf('/') + 1)
        const wantsHtml = req.headers.accept?.includes('text/html') ?? false
        if (req.method === 'GET' && wantsHtml && path.startsWith(MOBILE_BASE) && !lastSegment.includes('.')) {
          req.url = `/${MOBILE_HTML}`
        }
        next()
      })
    },
  }
}

/**
 * Emits the manifest and icons under /m/ and records every file the /m/ page can load (its entry,
 * static and lazy imports, their CSS and assets) into `precache`, for the service worker's list.
 */
export function mobileAppFiles(precache: Set<string>): Plugin {
  return {
    name: 'anjie:mobile-app-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: 'm/manifest.webmanifest',
        source: JSON.stringify(webManifest(), null, 2),
      })
      for (const size of ICON_SIZES) {
        this.emitFile({ type: 'asset', fileName: `m/icon-${size}.png`, source: iconPng(size) })
      }
      precache.clear()
      precache.add(MOBILE_HTML)
      precache.add('m/manifest.webmanifest')
      for (const size of ICON_SIZES) precache.add(`m/icon-${size}.png`)
      const entry = Object.values(bundle).find(
        (out) => out.type === 'chunk' && out.isEntry && out.facadeModuleId?.endsWith(MOBILE_HTML),
      )
      if (!entry || entry.type !== 'chunk') throw new Error('The /m/ entry chunk is missing from the build')
      const queue = [entry.fileName]
      while (queue.length > 0) {
        const name = queue.pop()!
        if (precache.has(name)) continue
        precache.add(name)
        const out = bundle[name]
        if (out?.type !== 'chunk') continue
        queue.push(...out.imports, ...out.dynamicImports)
        for (const css of out.viteMetadata?.importedCss ?? []) precache.add(css)
        for (const asset of out.viteMetadata?.importedAssets ?? []) precache.add(asset)
      }
    },
  }
}
