import fc from 'fast-check';

// Property tests run from a fixed seed so CI is repeatable; set FC_SEED to explore other cases.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });

// KaTeX loads on demand in the page (src/components/texEngine.ts); tests render formulas at once.
await import('../src/components/texEngine').then((m) => m.loadKatex());

// The panels and the first screen's parts load from chunks of their own in the page
// (src/components/lazyPanels.tsx); tests render them at once.
await import('../src/components/lazyPanels').then((m) => m.preloadPanels());

// The Chinese messages load on demand in the page (src/i18n/translate.ts); tests read them at once.
await import('../src/i18n/translate').then((m) => m.loadLocale('zh-CN'));
