/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderFirstScreen } from './scripts/prerender-plugin';

// Relative base so the built site works from any static path (GitHub Pages project sites included).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    prerenderFirstScreen(),
    // Offline once loaded: a Workbox service worker (dist/sw.js) precaches the built app. src/main.tsx
    // registers it; a new version waits until every tab of the old one has closed (no reload mid-lesson).
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      // Installable as an app (a teacher's desktop, a class tablet), opening on the lesson screen.
      manifest: {
        name: 'Backprop, step by step',
        short_name: 'Backprop',
        description: 'Every number of a training step, and the chain rule that made it.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f2937',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
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
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
