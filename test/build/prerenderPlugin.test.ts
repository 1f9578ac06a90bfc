import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { inlineEntryCss, lowPriorityEntry } from '../../scripts/prerender-plugin';

/** The plugin's index.html transform, called as Vite calls it after the bundle is written. */
function transform(plugin: Plugin, html: string, bundle: Record<string, unknown> = {}): string {
  const hook = plugin.transformIndexHtml as {
    handler: (html: string, ctx: IndexHtmlTransformContext) => string;
  };
  return hook.handler(html, { bundle } as unknown as IndexHtmlTransformContext);
}

describe('the built page’s head', () => {
  it('fetches every module script of the start at low priority (the runtime and the entry)', () => {
    const html =
      '<script type="module" crossorigin src="./assets/rolldown-runtime-a.js"></script>' +
      '<script type="module" crossorigin src="./assets/index-b.js"></script>';
    const out = transform(lowPriorityEntry(), html);
    expect(out.match(/<script type="module" fetchpriority="low"/g)).toHaveLength(2);
    expect(transform(lowPriorityEntry(), out)).toBe(out); // applied once only
  });

  it('inlines the stylesheet and asks early, at low priority, for the two fonts of the first formulas', () => {
    const bundle = {
      'assets/index-c.css': { type: 'asset', source: '@font-face{src:url(./KaTeX_Main-Regular-x.woff2)}' },
      'assets/KaTeX_Main-Regular-x.woff2': { type: 'asset', source: '' },
      'assets/KaTeX_Math-Italic-y.woff2': { type: 'asset', source: '' },
      'assets/KaTeX_Main-Regular-x.woff': { type: 'asset', source: '' },
      'assets/KaTeX_AMS-Regular-z.woff2': { type: 'asset', source: '' },
    };
    const out = transform(
      inlineEntryCss(),
      '<head><link rel="stylesheet" crossorigin href="./assets/index-c.css"></head>',
      bundle,
    );
    expect(out).toContain('<style>@font-face{src:url(./assets/KaTeX_Main-Regular-x.woff2)}</style>');
    const preloads = [...out.matchAll(/<link rel="preload" href="\.\/([^"]+)"[^>]*>/g)];
    expect(preloads.map((m) => m[1]).sort()).toEqual([
      'assets/KaTeX_Main-Regular-x.woff2',
      'assets/KaTeX_Math-Italic-y.woff2',
    ]);
    for (const [tag] of preloads) expect(tag).toMatch(/as="font".*crossorigin.*fetchpriority="low"/);
  });
});
