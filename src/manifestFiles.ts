/** The web app manifest of each language, as the build writes it (scripts/manifest.ts) and the page links it. */
export const MANIFEST_FILES = {
  en: 'manifest.webmanifest',
  'zh-CN': 'manifest.zh-CN.webmanifest',
} as const;
