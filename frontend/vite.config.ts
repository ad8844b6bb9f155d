/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { MOBILE_BASE, MOBILE_HTML, mobileAppFiles, mobileDevFallback } from './m/pwa'

/** Filled during the build by mobileAppFiles(); read when the service worker is generated. */
const mobilePrecache = new Set<string>()

export default defineConfig({
  plugins: [
    vue(),
    mobileAppFiles(mobilePrecache),
    mobileDevFallback(),
    VitePWA({
      // An automatic update could reload a half-filled check-in form: the app asks first.
      registerType: 'prompt',
      injectRegister: null,
      // The manifest is emitted (and linked from m/index.html only) by mobileAppFiles: the plugin
      // would link it from the desktop page too.
      manifest: false,
      filename: 'sw.js',
      // Only the phone app is controlled; the desktop app stays a plain online page.
      scope: MOBILE_BASE,
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
        manifestTransforms: [
          async (entries) => ({ manifest: entries.filter((entry) => mobilePrecache.has(entry.url)) }),
        ],
        navigateFallback: `/${MOBILE_HTML}`,
        navigateFallbackAllowlist: [/^\/m(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // The committed contract (../openapi) is read by tests; nothing else outside the app.
    fs: { allow: ['.', '../openapi'] },
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    rollupOptions: {
      // Two pages: the desktop app and the phone check-in app under /m/.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        mobile: fileURLToPath(new URL(`./${MOBILE_HTML}`, import.meta.url)),
      },
      output: {
        // Element Plus lands in its own long-cached chunk (the desktop's only) and Vue with its
        // router/store/i18n in another; the entries stay small. Groups take only the modules they
        // name: pulling in their dependencies too would put shared libraries (dayjs, lodash) and
        // even Vue's runtime into the Element Plus chunk, and the phone app would have to load it.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 20 },
            {
              name: 'element-plus',
              // With the libraries only Element Plus uses, so the desktop does not load a dozen tiny chunks.
              test: /node_modules[\\/](element-plus|@element-plus|lodash-es|lodash-unified|@popperjs|@floating-ui|@vueuse|async-validator|@ctrl[\\/]tinycolor|normalize-wheel-es|memoize-one|escape-html)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
    include: ['tests/unit/**/*.spec.ts'],
    restoreMocks: true,
  },
})
