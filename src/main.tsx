import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import {
  BOOT_ATTRIBUTE,
  PRERENDERED_LAYOUT_ID,
  PRERENDERED_TEX_ID,
  connecting,
  renderFromStart,
  showsPrerendered,
  whenStarted,
} from './boot';
import { AppRoot } from './components/AppRoot';
import { loadFirstScreenParts, preloadPanels } from './components/lazyPanels';
import { holdFirstScreenBox } from './components/firstScreenBox';
import { adoptPrerenderedTex } from './components/Tex';
import { adoptPrerenderedLayouts, type PlainLayout } from './components/graph/graphLayout';
import { holdKatexUntil, loadKatex } from './components/texEngine';
import { LOCALES, loadLocale } from './i18n';
import { PRACTICE_KEY } from './practice/progress';
import { DEFAULT_LESSON } from './lessons/builtIn';
import { lessonStore } from './store';
import { warmFirstScreen } from './warmStart';
import { afterQuiet, whenIdle } from './idle';

/**
 * Whether this visit is a plain first visit: nothing in the address, no saved work or practice, an English
 * browser (index.html's inline script marks every other visit as pending). It opens the default screen, so the
 * page starts on it at once and loads persistence afterwards.
 */
function plainFirstVisit(): boolean {
  if (document.documentElement.getAttribute(BOOT_ATTRIBUTE) === 'pending') return false;
  try {
    return localStorage.getItem(PRACTICE_KEY) === null;
  } catch {
    return false;
  }
}

/** Persistence (the autosave, links, practice progress) with the lesson reader: a chunk of its own. */
const connectPage = (opened: boolean) => import('./connectPage').then((m) => m.connectPage(opened));

/**
 * Runs `start` once the browser has painted the page as it came (a phone shows the prerendered first screen
 * before any of the app's work), or after STARTUP_WAIT_MS at the latest (a page opened in the background paints
 * only once shown).
 */
function afterFirstPaint(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, STARTUP_WAIT_MS);
}
const STARTUP_WAIT_MS = 200;

/** Runs the loads given to it one after the other, each started in an idle period of its own. */
function inTurn(): (load: () => Promise<unknown>) => Promise<unknown> {
  let last: Promise<unknown> = Promise.resolve();
  return (load) => (last = last.catch(() => undefined).then(() => whenIdle(load)));
}

/**
 * What the first screen does not need (the panels' chunks, the message tables), fetched once the app has
 * started and the page has then been quiet for PRELOAD_QUIET_MS, one at a time in idle periods, so a panel opens
 * at once, offline too, and the start is never one long task: on a phone each chunk's evaluation is a task of
 * its own, and none of them falls in the first seconds, when the reader looks at the page and takes the first
 * steps. A panel opened before then loads its chunk when it opens.
 */
const preloadLater = () => {
  const next = inTurn();
  return whenStarted()
    .then(() => afterQuiet(PRELOAD_QUIET_MS, PRELOAD_AT_MOST_MS))
    .then(() =>
      Promise.all([
        preloadPanels(next),
        ...LOCALES.map((l) => next(() => loadLocale(l)).catch(() => undefined)),
      ]),
    );
};
/** How long the page must have been quiet before the preloads start, ms. */
const PRELOAD_QUIET_MS = 2000;
/** When the preloads start on a page that is never quiet (ms after the start at the latest). */
const PRELOAD_AT_MOST_MS = 15000;

afterFirstPaint(() => {
  // The built page holds the first screen of a first visit (src/prerender.tsx): when this visit opens on
  // exactly that screen it is hydrated, its formulas taken from the page (KaTeX loads afterwards); otherwise
  // the app is drawn afresh over it, before the frame index.html's inline script hid is shown (AppRoot).
  const root = document.getElementById('root')!;
  const texKeys = document.getElementById(PRERENDERED_TEX_ID)?.textContent;
  const start = () => {
    if (
      root.firstChild &&
      texKeys &&
      showsPrerendered(lessonStore.getState()) &&
      adoptPrerenderedTex(root, JSON.parse(texKeys) as string[])
    ) {
      renderFromStart(lessonStore);
      // the graph as the build laid it out (placing its weight labels again was the start's longest work)
      const layouts = document.getElementById(PRERENDERED_LAYOUT_ID)?.textContent;
      if (layouts) adoptPrerenderedLayouts(JSON.parse(layouts) as Record<string, PlainLayout>);
      holdFirstScreenBox(); // the graph keeps the prerendered layout until the reader leaves the first screen
      // KaTeX (the formulas of the pages beside the first step ask for it) once the app has started and the
      // browser is idle, then the panels and the Chinese messages, one at a time
      holdKatexUntil(whenStarted().then(() => whenIdle(() => undefined)));
      // as a transition, hydration yields to the browser every few milliseconds instead of holding the main
      // thread for the whole tree at once (React renders a hydration outside a transition in one piece)
      const hydrate = () => startTransition(() => void hydrateRoot(root, <AppRoot />));
      // what the render reads from the store first, one piece per task (the render computed it in one)
      void warmFirstScreen(lessonStore.getState()).then(hydrate, hydrate);
      void loadKatex().then(preloadLater);
    } else {
      const draw = () => createRoot(root).render(<AppRoot />);
      // the whole screen at once, its formulas typeset, in its language
      const locale = lessonStore.getState().locale;
      Promise.all([loadKatex(), loadLocale(locale), loadFirstScreenParts()]).then(draw, draw);
      void preloadLater();
    }
  };
  if (plainFirstVisit()) {
    // the store holds the default lesson; a first visit opens it at the lesson's own detail level (as
    // persistence's start does), which the store's initial state does not know: without this the page would
    // start on another screen than the prerendered one and be drawn afresh instead of hydrated
    lessonStore.setState({ granularity: DEFAULT_LESSON.conventions.detail ?? 'neuron' });
    // it starts now, persistence connects when it has loaded
    connecting(connectPage(true));
    start();
  } else {
    // a link, saved work, practice or another language decides what opens: persistence opens it first
    const connected = connectPage(false);
    connecting(connected);
    connected.then(start, start);
  }
});

// Offline once loaded: the built app's service worker (generated by Workbox at build time) keeps every file
// of the app, so a later visit opens without the network. Registered after the page has loaded, so it never
// competes with the first paint; skipped in development, where there is no service worker to register. (The
// built page fetches this script once it has painted, which may be after the load event.)
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // not available (private mode, an insecure origin): the app works online as before
    });
  // in a task of its own: not part of the script's evaluation, which a phone's first seconds wait on
  if (document.readyState === 'complete') setTimeout(() => void register(), 0);
  else window.addEventListener('load', () => void register());
}
