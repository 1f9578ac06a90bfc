import { renderToString } from 'react-dom/server';
import { renderFromStart, showsPrerendered } from './boot';
import { AppRoot } from './components/AppRoot';
import { holdFirstScreenBox, releaseFirstScreenBox } from './components/firstScreenBox';
import { recordPrerenderedTex } from './components/Tex';
import { recordPrerenderedLayouts, type PlainLayout } from './components/graph/graphLayout';
import { loadFirstScreenParts } from './components/lazyPanels';
import { loadKatex } from './components/texEngine';
import { lessonStore } from './store';
import { connectPersistence, type BrowserEnv } from './store/persist/connect';

/**
 * A first visit's browser, as the build sees it: no link in the address, nothing saved, English. The store
 * opens through the same path as in the page (connectPersistence), so the prerender is what a first visit
 * renders.
 */
function firstVisit(): BrowserEnv {
  const storage = {
    getItem: () => null,
    setItem: () => undefined,
    removeItem: () => undefined,
  } as unknown as Storage;
  const noop = () => undefined;
  return {
    localStorage: storage,
    sessionStorage: storage,
    location: { hash: '', pathname: '/', search: '' } as Location,
    history: { state: null, replaceState: noop } as unknown as History,
    navigator: { languages: ['en'], language: 'en' } as unknown as Navigator,
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout: (() => 0) as unknown as Window['setTimeout'],
    clearTimeout: noop,
  };
}

/**
 * The first screen of a first visit as HTML (React's server renderer, at build time; the page hydrates it),
 * and the cache keys of its formulas in document order (so the page hydrates before KaTeX has loaded).
 */
export async function prerender(): Promise<{
  html: string;
  texKeys: string[];
  layouts: Record<string, PlainLayout>;
}> {
  await Promise.all([loadKatex(), loadFirstScreenParts()]); // the whole first screen, its lazy parts too
  const disconnect = connectPersistence(lessonStore, firstVisit());
  disconnect();
  renderFromStart(lessonStore);
  if (!showsPrerendered(lessonStore.getState()))
    throw new Error('the first visit does not open the default screen');
  recordPrerenderedTex(true);
  recordPrerenderedLayouts(true);
  holdFirstScreenBox(); // the build cannot measure the graph's stage: it lays the graph out in a box of its own
  try {
    const html = renderToString(<AppRoot />);
    return { html, texKeys: recordPrerenderedTex(false), layouts: recordPrerenderedLayouts(false) };
  } finally {
    recordPrerenderedTex(false);
    recordPrerenderedLayouts(false);
    releaseFirstScreenBox();
  }
}
