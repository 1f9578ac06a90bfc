import { lazy, Suspense, type ComponentType } from 'react';
import { useNetworkPanel } from './editor/NetworkPanelContext';

/**
 * What the first screen does not show loads from chunks of its own, after the page has loaded: the JS that
 * must arrive before the first step answers a key stays small (scripts/bench-firstpaint.ts measures it). A
 * panel that opens later is one entry here (`lazyPanel(() => import('./x/Panel').then((m) => m.Panel))`),
 * rendered where it opens; its chunk is fetched when the browser is idle (preloadPanels) or when first shown.
 */

type Loader = () => Promise<unknown>;
const loaders: Loader[] = [];
/** The loaders of the lazy parts of the first screen (lazyPart). */
const firstScreen: Loader[] = [];

/**
 * A component from its own chunk: renders nothing until the chunk has loaded. Once loaded (preloadPanels),
 * it renders in the same pass as its parent, with nothing in between.
 */
export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: { default: ComponentType<P> } | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const loadOnce = () =>
    (loading ??= load().then((c) => {
      loaded = { default: c };
      return loaded;
    }));
  loaders.push(loadOnce);
  // React.lazy settles at once on a thenable that calls back synchronously (a chunk already here)
  const Lazy = lazy(() => {
    const here = loaded;
    if (!here) return loadOnce();
    const settled = { then: (done: (m: typeof here) => void) => done(here) };
    return settled as unknown as Promise<typeof here>;
  });
  return function LazyPanel(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

/**
 * A part of the first screen from a chunk of its own (a tool the first step does not need to answer a key):
 * the prerendered page shows it from the HTML, and hydration leaves that HTML as it is until the chunk has
 * arrived (React fetches it when hydration reaches it), then takes it over. Its stylesheet is imported by its
 * parent, so it stays in the page's inlined CSS and the part is styled from the first paint.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const part = lazyPanel(load);
  firstScreen.push(loaders[loaders.length - 1]);
  return part;
}

/**
 * Loads the first screen's lazy parts: before a render that hydrates nothing (the build's prerender, a visit
 * that opens another screen), so the screen is drawn whole at once.
 */
export function loadFirstScreenParts(): Promise<unknown> {
  return Promise.all(firstScreen.map((load) => load()));
}

/**
 * Fetches every lazy panel's chunk (once the page is idle), so a panel opens at once, offline too. `each`
 * runs one loader (the page gives each chunk an idle period of its own); by default they all start at once.
 */
export function preloadPanels(
  each: (load: () => Promise<unknown>) => Promise<unknown> = (load) => load(),
): Promise<unknown> {
  return Promise.all(loaders.map((load) => each(load).catch(() => undefined)));
}

// The panels. Each is rendered only when it is open, so none is part of the first screen.

export const NetworkPanelBody = lazyPanel(() =>
  import('./editor/NetworkPanel').then((m) => m.NetworkPanelBody),
);
export const NodeValuePanel = lazyPanel(() =>
  import('./editor/NodeValuePanel').then((m) => m.NodeValuePanel),
);
export const ChainRulePanel = lazyPanel(() => import('./graph/ChainRulePanel').then((m) => m.ChainRulePanel));
export const MatrixView = lazyPanel(() => import('./formula/MatrixView').then((m) => m.MatrixView));
export const LessonPickerDialog = lazyPanel(() =>
  import('./LessonPickerDialog').then((m) => m.LessonPickerDialog),
);

/** The dialog shell, for the dialog of a first-screen button (About this lesson). */
export const Dialog = lazyPanel(() => import('./Dialog').then((m) => m.Dialog));
export const PracticeAnswer = lazyPanel(() =>
  import('./practice/PracticeAnswer').then((m) => m.PracticeAnswer),
);
export const PracticeReport = lazyPanel(() =>
  import('./practice/PracticeReport').then((m) => m.PracticeReport),
);

// The first screen's tools the first step does not need to answer a key (their CSS imported by their parents).

export const LessonToolbar = lazyPart(() => import('./files/LessonToolbar').then((m) => m.LessonToolbar));
export const PracticeBar = lazyPart(() => import('./practice/PracticeBar').then((m) => m.PracticeBar));
export const LineChart = lazyPart(() => import('./train/LineChart').then((m) => m.LineChart));
export const ExportButton = lazyPart(() => import('./documents/ExportButton').then((m) => m.ExportButton));
export const FileMessages = lazyPart(() => import('./files/FileMessages').then((m) => m.FileMessages));
export const DropOverlay = lazyPart(() => import('./files/DropOverlay').then((m) => m.DropOverlay));

/** The "Network" panel when its toggle is open (it covers the formula panel, leaving the graph in view). */
export function NetworkPanel() {
  const panel = useNetworkPanel();
  return panel?.open ? <NetworkPanelBody id={panel.panelId} onClose={panel.close} /> : null;
}
