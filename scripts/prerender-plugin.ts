import { createServer, type Plugin } from 'vite';
import { formulaFontSubsets } from './fontSubset';

/** The empty root of index.html that the prerendered first screen fills. */
const ROOT = '<div id="root"></div>';

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Puts the first screen into the built index.html (src/prerender.tsx renders it with React's server renderer
 * through a throwaway Vite server), with the list of its formulas and its graph's layout, so a phone paints the lesson before any
 * script has run and src/main.tsx hydrates it. Build only: the development server serves the empty root.
 */
export function prerenderFirstScreen(): Plugin {
  return {
    name: 'backprop:prerender-first-screen',
    apply: 'build',
    async transformIndexHtml(html) {
      if (!html.includes(ROOT)) throw new Error(`index.html has no ${ROOT} to prerender into`);
      const server = await createServer({
        configFile: false,
        logLevel: 'error',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const { prerender } = (await server.ssrLoadModule(
          '/src/prerender.tsx',
        )) as typeof import('../src/prerender');
        const { html: app, texKeys, layouts } = await prerender();
        const { PRERENDERED_TEX_ID, PRERENDERED_LAYOUT_ID } = (await server.ssrLoadModule(
          '/src/boot.ts',
        )) as typeof import('../src/boot');
        return html.replace(
          ROOT,
          `<div id="root">${app}</div>\n    <script type="application/json" id="${PRERENDERED_TEX_ID}">${scriptJson(texKeys)}</script>` +
            `\n    <script type="application/json" id="${PRERENDERED_LAYOUT_ID}">${scriptJson(layouts)}</script>`,
        );
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * Fetches the app's JS at low priority: the prerendered screen needs only the HTML and the CSS to paint, and a
 * script fetched at high priority competes with them on a slow connection (and is counted against the first
 * paint by Lighthouse's simulation). The script still starts downloading at once.
 */
export function lowPriorityEntry(): Plugin {
  return {
    name: 'backprop:low-priority-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<script type="module"(?![^>]*fetchpriority)/g,
          '<script type="module" fetchpriority="low"',
        ),
    },
  };
}

/**
 * Puts the page's stylesheet into index.html itself: the prerendered screen then paints from the HTML alone,
 * without waiting for a second request (on a phone's slow connection, one more round trip before the first
 * paint). Its `url(./…)` references (KaTeX's fonts) are made relative to the page. The file stays in the build
 * for nothing else links it; the lazily loaded panels keep stylesheets of their own.
 *
 * The prerendered formulas' characters come with it, each font's as a small subset in a `data:` URL
 * (scripts/fontSubset.ts): the formulas paint with the page, in their own fonts, no font file awaited (KaTeX's
 * fonts are `font-display: block`: until a file arrived the formulas were blank, and the largest text of the
 * page could wait for it).
 */
export function inlineEntryCss(): Plugin {
  return {
    name: 'backprop:inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const link = /<link rel="stylesheet"[^>]*\bhref="\.\/(assets\/[^"]+\.css)"[^>]*>/.exec(html);
        const asset = link && ctx.bundle?.[link[1]];
        if (!link || !asset || asset.type !== 'asset') return html;
        const dir = link[1].slice(0, link[1].lastIndexOf('/') + 1);
        const css = String(asset.source)
          .replace(/url\(\.\/([^)]+)\)/g, `url(./${dir}$1)`)
          .replace(/<\/style/gi, '<\\/style');
        const subsets = await formulaFontSubsets(html, css, (file) => {
          const font = ctx.bundle?.[file.replace(/^\.\//, '')];
          return font?.type === 'asset' && typeof font.source !== 'string' ? font.source : undefined;
        });
        // The two fonts of the formulas, asked for at low priority: the first screen's formulas have their
        // characters from the page, the other steps' need the whole fonts (src/main.tsx asks once it has
        // painted: see startAfterFirstPaint)
        const fonts = Object.keys(ctx.bundle ?? {})
          .filter((f) => /\/KaTeX_(Main-Regular|Math-Italic)-[^/]+\.woff2$/.test(f))
          .map(
            (f) =>
              `<link rel="preload" href="./${f}" as="font" type="font/woff2" crossorigin fetchpriority="low">`,
          )
          .join('');
        return html.replace(link[0], () => `${fonts}<style>${css}${subsets}</style>`);
      },
    },
  };
}

/** The attributes of a start tag, in order. */
const attributes = (tag: string): [string, string][] =>
  [...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value ?? '']);

/**
 * Fetches the app's scripts and the formulas' fonts once the page has painted (the first contentful paint;
 * at once when the page starts hidden, index.html's `data-boot="pending"`; after 3 s at the latest, a page
 * opened in the background). The prerendered screen needs none of them to paint, and a phone's slow
 * connection then carries the page first. It is also how Lighthouse reads the page: every file fetched before
 * the largest paint counts against it in its simulation, however low its priority.
 */
export function startAfterFirstPaint(): Plugin {
  return {
    name: 'backprop:start-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tags = /<script type="module"[^>]*><\/script>|<link rel="(?:modulepreload|preload)"[^>]*>/g;
        const later = [...html.matchAll(tags)].map(([tag]) => [
          tag.startsWith('<script') ? 'script' : 'link',
          Object.fromEntries(attributes(tag.replace(/^<\w+|\/?>(<\/script>)?$/g, ' '))),
        ]);
        if (later.length === 0) return html;
        let first = true;
        return html.replace(tags, () => {
          if (!first) return '';
          first = false;
          return `<script>${START_LATER}(${scriptJson(later)});</script>`;
        });
      },
    },
  };
}

/** The inline loader of startAfterFirstPaint: `tags` is a list of [element name, attributes]. */
const START_LATER = `(function(tags){var done=false;function go(){if(done)return;done=true;tags.forEach(function(t){var e=document.createElement(t[0]);for(var k in t[1])e.setAttribute(k,t[1][k]);document.head.appendChild(e)})}if(document.documentElement.getAttribute("data-boot")==="pending")return go();var P=window.PerformanceObserver;\
if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)\
new P(function(l){if(l.getEntriesByName("first-contentful-paint").length)go()}).observe({type:"paint",buffered:true});\
else requestAnimationFrame(function(){setTimeout(go,0)});\
setTimeout(go,3000)})`;

/**
 * Puts every module the page's entry imports statically (what must load before the first step answers a key)
 * into the entry's one chunk. Left to itself the bundler cuts the modules the entry shares with the lazily
 * loaded chunks into chunks of their own: a dozen files, each compressed alone (about 3 kB more gzip in all)
 * and each one more request before the page is interactive. Lazily loaded modules keep their own chunks.
 * Returns the plugin, which finds those modules once the build has read them, and the chunk group to give
 * `build.rolldownOptions.output.codeSplitting.groups`.
 */
export function firstLoadChunk(entry = '/src/main.tsx') {
  const firstLoad = new Set<string>();
  const plugin: Plugin = {
    name: 'backprop:first-load-chunk',
    apply: 'build',
    buildEnd() {
      const start = [...this.getModuleIds()].find((id) => id.endsWith(entry));
      const queue = start ? [start] : [];
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (firstLoad.has(id)) continue;
        firstLoad.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  // the bundler's runtime helpers too: the entry needs them, and they would be a file of their own
  const group = { name: 'index', test: (id: string) => firstLoad.has(id) || id.includes('rolldown/runtime') };
  return { plugin, group };
}
