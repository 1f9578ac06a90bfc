import type { Plugin } from 'vite';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import { MANIFEST_FILES } from '../src/manifestFiles';

/**
 * The web app manifest in one language: its names and description are the app's own title, short name and
 * tagline from the message tables; everything else is the same in both.
 */
export function webManifest(locale: keyof typeof MANIFEST_FILES) {
  const messages = locale === 'en' ? en : zhCN;
  return {
    name: messages['app.title'],
    short_name: messages['app.shortName'],
    description: messages['app.tagline'],
    lang: locale,
    start_url: './',
    scope: './',
    display: 'standalone' as const,
    background_color: '#ffffff',
    theme_color: '#1f2937',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

/**
 * Emits the Chinese manifest beside the English one (vite-plugin-pwa writes that); the page links the one of
 * its language (src/components/AppRoot.tsx), so an install from a Chinese screen is named in Chinese.
 */
export function chineseManifest(): Plugin {
  return {
    name: 'backprop:chinese-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: MANIFEST_FILES['zh-CN'],
        source: JSON.stringify(webManifest('zh-CN')),
      });
    },
  };
}
