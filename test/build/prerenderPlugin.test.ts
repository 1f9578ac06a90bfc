import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { inlineEntryCss, lowPriorityEntry, startAfterFirstPaint } from '../../scripts/prerender-plugin';
import { formulaText } from '../../scripts/fontSubset';

/** The plugin's index.html transform, called as Vite calls it after the bundle is written. */
function transform<T extends string | Promise<string>>(
  plugin: Plugin,
  html: string,
  bundle: Record<string, unknown> = {},
): T {
  const hook = plugin.transformIndexHtml as {
    handler: (html: string, ctx: IndexHtmlTransformContext) => T;
  };
  return hook.handler(html, { bundle } as unknown as IndexHtmlTransformContext);
}

/** One of KaTeX's font files, as the build has it. */
const katexFont = (name: string) =>
  new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`katex/dist/fonts/${name}.woff2`)));

describe('the built page’s head', () => {
  it('fetches every module script of the start at low priority (the runtime and the entry)', () => {
    const html =
      '<script type="module" crossorigin src="./assets/rolldown-runtime-a.js"></script>' +
      '<script type="module" crossorigin src="./assets/index-b.js"></script>';
    const out = transform<string>(lowPriorityEntry(), html);
    expect(out.match(/<script type="module" fetchpriority="low"/g)).toHaveLength(2);
    expect(transform(lowPriorityEntry(), out)).toBe(out); // applied once only
  });

  it('inlines the stylesheet and asks, at low priority, for the two fonts of the formulas', async () => {
    const bundle = {
      'assets/index-c.css': { type: 'asset', source: '@font-face{src:url(./KaTeX_Main-Regular-x.woff2)}' },
      'assets/KaTeX_Main-Regular-x.woff2': { type: 'asset', source: '' },
      'assets/KaTeX_Math-Italic-y.woff2': { type: 'asset', source: '' },
      'assets/KaTeX_Main-Regular-x.woff': { type: 'asset', source: '' },
      'assets/KaTeX_AMS-Regular-z.woff2': { type: 'asset', source: '' },
    };
    const out = await transform<Promise<string>>(
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

/** KaTeX's rules that set a font, as its stylesheet has them (minified), and two of its fonts. */
const KATEX_CSS =
  '@font-face{font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:400;' +
  'src:url(./assets/KaTeX_Main-Regular-m.woff2)format("woff2"),url(./assets/KaTeX_Main-Regular-m.woff)format("woff")}' +
  '@font-face{font-display:block;font-family:KaTeX_Math;font-style:italic;font-weight:400;' +
  'src:url(./assets/KaTeX_Math-Italic-i.woff2)format("woff2")}' +
  '@font-face{font-display:block;font-family:KaTeX_Main;font-style:normal;font-weight:700;' +
  'src:url(./assets/KaTeX_Main-Bold-b.woff2)format("woff2")}' +
  '.katex{text-indent:0;font:1.21em/1.2 KaTeX_Main,Times New Roman,serif}' +
  '.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}.katex .mathrm{font-style:normal}' +
  '.katex .mathbf{font-family:KaTeX_Main;font-weight:700}.katex .delimsizing.size1{font-family:KaTeX_Size1}';

/** A formula as KaTeX writes it: W₁ = (x + 2), its MathML beside the drawn markup. */
const FORMULA =
  '<p>Weights</p><span class="katex"><span class="katex-mathml"><math><mi>W</mi><mo>+</mo><mi>q</mi></math></span>' +
  '<span class="katex-html" aria-hidden="true"><span class="base"><span class="mord mathnormal">W</span>' +
  '<span class="vlist-s">\u200b</span><span class="mord mtight">1</span><span class="mrel">=</span>' +
  '<span class="mopen">(</span><span class="mord mathnormal">x</span><span class="mbin">+</span>' +
  '<span class="mord mathrm">in &amp; out</span><span class="mord mathbf">2</span>' +
  '<span class="mclose">)</span></span></span></span><p>Next</p>';

describe('the first formulas’ characters', () => {
  it('are read from the drawn markup by KaTeX’s font rules, not from the MathML or the page’s text', () => {
    const fonts = formulaText(FORMULA, KATEX_CSS);
    const text = (family: string, style: string, weight: string) =>
      [...(fonts.get(`${family}|${style}|${weight}`)?.text ?? [])].sort().join('');
    expect(text('KaTeX_Math', 'italic', '400')).toBe('Wx');
    expect(text('KaTeX_Main', 'normal', '400')).toBe([...' &()+1=\u200bintou'].sort().join(''));
    expect(text('KaTeX_Main', 'normal', '700')).toBe('2');
    expect(fonts.size).toBe(3); // no "q" of the MathML, no "Weights" or "Next" of the page
  });

  it('come with the inlined stylesheet, each font’s as a small subset with exactly their range', async () => {
    const bundle = {
      'assets/index-c.css': { type: 'asset', source: KATEX_CSS.replace(/\.\/assets\//g, './') },
      'assets/KaTeX_Main-Regular-m.woff2': { type: 'asset', source: katexFont('KaTeX_Main-Regular') },
      'assets/KaTeX_Math-Italic-i.woff2': { type: 'asset', source: katexFont('KaTeX_Math-Italic') },
      'assets/KaTeX_Main-Bold-b.woff2': { type: 'asset', source: katexFont('KaTeX_Main-Bold') },
    };
    const out = await transform<Promise<string>>(
      inlineEntryCss(),
      `<head><link rel="stylesheet" crossorigin href="./assets/index-c.css"></head><body>${FORMULA}</body>`,
      bundle,
    );
    const style = /<style>(.*)<\/style>/s.exec(out)![1];
    const subsets = [...style.matchAll(/@font-face\{([^}]*unicode-range[^}]*)\}/g)].map((m) => m[1]);
    expect(subsets).toHaveLength(3);
    // declared after KaTeX's own faces: for these characters, the browser looks at them first
    expect(style.indexOf('unicode-range')).toBeGreaterThan(style.lastIndexOf('KaTeX_Main-Bold-b.woff2'));
    const face = (family: string, style: string, weight: string) => {
      const rule = subsets.find((r) =>
        r.includes(`font-family:${family};font-style:${style};font-weight:${weight};`),
      )!;
      const data = Buffer.from(/base64,([^)]+)\)/.exec(rule)![1], 'base64');
      return { range: /unicode-range:([^;}]+)/.exec(rule)![1], data };
    };
    const math = face('KaTeX_Math', 'italic', '400');
    // the space always (a line's height is the first font's with one), the zero-width space of KaTeX's tables
    expect(math.range).toBe('U+20,U+57,U+78'); // W x
    expect(face('KaTeX_Main', 'normal', '400').range).toBe(
      'U+20,U+26,U+28,U+29,U+2B,U+31,U+3D,U+69,U+6E,U+6F,U+74,U+75,U+200B',
    );
    expect(face('KaTeX_Main', 'normal', '700').range).toBe('U+20,U+32');
    for (const f of [math, face('KaTeX_Main', 'normal', '400')]) {
      expect(f.data.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(f.data.length).toBeLessThan(4000); // the whole fonts are 16 and 26 kB
    }
  });
});

describe('the start after the first paint', () => {
  const HEAD =
    '<script>/* data-boot */</script>' +
    '<script type="module" fetchpriority="low" crossorigin src="./assets/rolldown-runtime-a.js"></script>\n' +
    '<script type="module" fetchpriority="low" crossorigin src="./assets/index-b.js"></script>\n' +
    '<link rel="preload" href="./assets/KaTeX_Main-Regular-x.woff2" as="font" type="font/woff2" crossorigin fetchpriority="low">';

  /** The built head's loader run in a stand-in page; what it appended, and its paint observer. */
  function runLoader(html: string, { pending = false, paintTiming = true } = {}) {
    const loader = /<script>(\(function\(tags\).*?)<\/script>/s.exec(html)![1];
    const appended: { name: string; attrs: Record<string, string> }[] = [];
    let observer: ((list: { getEntriesByName: (n: string) => unknown[] }) => void) | undefined;
    const frames: (() => void)[] = [];
    const timers: [() => void, number][] = [];
    const document = {
      documentElement: { getAttribute: (n: string) => (n === 'data-boot' && pending ? 'pending' : null) },
      createElement: (name: string) => {
        const e = { name, attrs: {} as Record<string, string> };
        return { ...e, setAttribute: (k: string, v: string) => (e.attrs[k] = v), e };
      },
      head: {
        appendChild: (x: { e: { name: string; attrs: Record<string, string> } }) => appended.push(x.e),
      },
    };
    class PerformanceObserver {
      static supportedEntryTypes = paintTiming ? ['paint', 'navigation'] : ['navigation'];
      constructor(cb: typeof observer) {
        observer = cb;
      }
      observe = vi.fn();
    }
    const window = { PerformanceObserver };
    new Function('window', 'document', 'requestAnimationFrame', 'setTimeout', loader)(
      window,
      document,
      (f: () => void) => frames.push(f),
      (f: () => void, ms: number) => timers.push([f, ms]),
    );
    const paint = (name: string) => observer!({ getEntriesByName: (n) => (n === name ? [{}] : []) });
    return { appended, paint, frames, timers };
  }

  it('moves the module scripts and the font preloads into a loader in the head’s first script slot', () => {
    const out = transform<string>(startAfterFirstPaint(), `<head>${HEAD}<style>x</style></head>`);
    expect(out).not.toMatch(/<script type="module"|<link rel="preload"/);
    expect(out.indexOf('(function(tags)')).toBeGreaterThan(out.indexOf('data-boot'));
    expect(out.indexOf('(function(tags)')).toBeLessThan(out.indexOf('<style>'));
    expect(transform<string>(startAfterFirstPaint(), out)).toBe(out); // nothing left to move
  });

  it('appends them, attributes and all, once the first contentful paint is reported, not before', () => {
    const out = transform<string>(startAfterFirstPaint(), HEAD);
    const { appended, paint, timers } = runLoader(out);
    expect(appended).toEqual([]);
    paint('first-paint');
    expect(appended).toEqual([]);
    paint('first-contentful-paint');
    expect(appended).toEqual([
      {
        name: 'script',
        attrs: {
          type: 'module',
          fetchpriority: 'low',
          crossorigin: '',
          src: './assets/rolldown-runtime-a.js',
        },
      },
      {
        name: 'script',
        attrs: { type: 'module', fetchpriority: 'low', crossorigin: '', src: './assets/index-b.js' },
      },
      {
        name: 'link',
        attrs: {
          rel: 'preload',
          href: './assets/KaTeX_Main-Regular-x.woff2',
          as: 'font',
          type: 'font/woff2',
          crossorigin: '',
          fetchpriority: 'low',
        },
      },
    ]);
    paint('first-contentful-paint');
    timers.forEach(([f]) => f());
    expect(appended).toHaveLength(3); // once only
  });

  it('appends them at once for a hidden start, after a frame without paint timing, after 3 s at the latest', () => {
    const out = transform<string>(startAfterFirstPaint(), HEAD);
    expect(runLoader(out, { pending: true }).appended).toHaveLength(3);
    const old = runLoader(out, { paintTiming: false });
    expect(old.appended).toHaveLength(0);
    old.frames.forEach((f) => f());
    old.timers.filter(([, ms]) => ms === 0).forEach(([f]) => f());
    expect(old.appended).toHaveLength(3);
    const background = runLoader(out);
    expect(background.timers.map(([, ms]) => ms)).toEqual([3000]);
    background.timers[0][0]();
    expect(background.appended).toHaveLength(3);
  });
});
