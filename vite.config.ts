/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { chineseManifest, webManifest } from './scripts/manifest';
import {
  firstLoadChunk,
  inlineEntryCss,
  lowPriorityEntry,
  prerenderFirstScreen,
  startAfterFirstPaint,
} from './scripts/prerender-plugin';
import { stacklessReactMarkers } from './scripts/stacklessErrors-plugin';
import { compileEagerly } from './scripts/compileHints-plugin';

const firstLoad = firstLoadChunk();

// Relative base so the built site works from any static path (GitHub Pages project sites included).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    stacklessReactMarkers(),
    prerenderFirstScreen(),
    firstLoad.plugin,
    lowPriorityEntry(),
    inlineEntryCss(),
    startAfterFirstPaint(),
    // the first load's JS and KaTeX's compiled with their files, off the main thread
    compileEagerly([firstLoad.group.name, 'katex']),
    chineseManifest(),
    // Offline once loaded: a Workbox service worker (dist/sw.js) precaches the built app. src/main.tsx
    // registers it; a new version waits until every tab of the old one has closed (no reload mid-lesson).
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      // Installable as an app (a teacher's desktop, a class tablet), opening on the lesson screen; the Chinese
      // manifest is written beside it (scripts/manifest.ts).
      manifest: webManifest('en'),
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The first screen is prerendered (scripts/prerender-plugin.ts): KaTeX and the panels that open later are
  // chunks of their own, loaded after it (src/components/texEngine.ts, src/components/lazyPanels.tsx).
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // browsers without modulepreload (Safari before 17) still load every module, only without the head start
    modulePreload: { polyfill: false },
    // what the entry imports statically in one chunk (scripts/prerender-plugin.ts, firstLoadChunk)
    rolldownOptions: { output: { codeSplitting: { groups: [firstLoad.group] } } },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
