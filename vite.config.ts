/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Relative base so the built site works from any static path (GitHub Pages project sites included).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Offline once loaded: a Workbox service worker (dist/sw.js) precaches the built app. src/main.tsx
    // registers it; a new version waits until every tab of the old one has closed (no reload mid-lesson).
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // One chunk by design: KaTeX (~235 kB) and React DOM (~200 kB) are both needed for the first screen.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
