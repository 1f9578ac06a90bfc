import type { StoreApi } from 'zustand/vanilla';
import type { LessonState, LessonStore, Work } from '../store';
import { holdsWork } from '../gate';
import { iterationOf } from '../iteration';
import { sameLesson } from './lessonFile';
import { decodeLink, encodeLink, isLessonLink, linkIsReady, prepareLink } from './link';
import {
  SAVED_KEY,
  SAVED_STEP_KEY,
  SAVED_STEP_MIN_CHARS,
  serialiseSaved,
  serialiseSavedStep,
  withSavedStep,
  type SavedState,
} from './saved';
import { chooseStart, savedNeedsBackup } from './start';
import { trailing, WRITE_INTERVAL_MS } from './trailing';

export { WRITE_INTERVAL_MS };

/** The parts of the browser persistence uses, passed in (the page's `window`, or a stand-in in tests). */
export type BrowserEnv = Pick<
  Window,
  | 'localStorage'
  | 'sessionStorage'
  | 'location'
  | 'history'
  | 'navigator'
  | 'addEventListener'
  | 'removeEventListener'
  | 'setTimeout'
  | 'clearTimeout'
> &
  Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

export interface PersistenceOptions {
  /**
   * Compresses a lesson's JSON for the link off the page's thread (returning what compressLesson returns);
   * absent or null: the link is compressed in place, in the idle moment it is written in.
   */
  compressLink?: ((text: string) => Promise<string>) | null;
  /**
   * False when the page has opened its start itself, before persistence was loaded (a first visit: nothing in
   * the address or in storage, so the default screen): the store is left as it is (the reader may have stepped
   * already), and only kept in step from now on. Default true: the start is chosen and opened here.
   */
  open?: boolean;
}

/**
 * The longest link kept in the address bar. Rewriting a longer one at every step costs the page tens of
 * milliseconds each time (a 10 × 64 lesson's link is ~0.3 MB); such a lesson's link is made when copied.
 */
export const LIVE_LINK_MAX_CHARS = 32_000;

const SAVED_FIELDS = [
  'lesson',
  'origin',
  'granularity',
  'cursor',
  'locale',
  'theme',
  'digits',
  'priorUpdates',
  'lossHistory',
] as const;
// the iteration a link carries is derived from the last two
const LINK_FIELDS = ['lesson', 'granularity', 'cursor', 'priorUpdates', 'lossHistory'] as const;

const changed = (a: LessonState, b: LessonState, keys: readonly (keyof LessonState)[]) =>
  keys.some((k) => a[k] !== b[k]);

/**
 * The localStorage key where an autosave the app could not take whole (unreadable, from another version, a
 * lesson or setting dropped) is kept, untouched, before the first new save writes over it.
 */
export const SAVED_BACKUP_KEY = 'backprop-lessons/autosave-set-aside';

/** The sessionStorage key of the hash this tab last wrote (so a reload can tell its own hash from a link). */
export const OWN_HASH_KEY = 'backprop-lessons/own-hash';

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): start without it
  }
}

/**
 * Opens the app where the page asks (share link > autosave > default lesson), then keeps the autosave and the
 * URL hash in step with the store and follows links pasted into the address bar. Returns a disconnect.
 */
export function connectPersistence(
  store: StoreApi<LessonStore>,
  env: BrowserEnv,
  { compressLink = null, open = true }: PersistenceOptions = {},
): () => void {
  const hash = env.location.hash;
  if (open) openStart(store, env, hash);
  return keepInStep(store, env, hash, compressLink, !open);
}

/** Opens where the page asks (share link > autosave > default lesson), setting aside an autosave not taken whole. */
function openStart(store: StoreApi<LessonStore>, env: BrowserEnv, hash: string): void {
  const languages = env.navigator.languages?.length
    ? env.navigator.languages
    : [env.navigator.language ?? 'en'];
  const ownHash = hash !== '' && read(() => env.sessionStorage, OWN_HASH_KEY) === hash;
  const savedText = withSavedStep(
    read(() => env.localStorage, SAVED_KEY),
    read(() => env.localStorage, SAVED_STEP_KEY),
  );
  const start = chooseStart({ hash, savedText, languages, ownHash });
  if (savedText !== null && savedNeedsBackup(savedText)) {
    try {
      env.localStorage.setItem(SAVED_BACKUP_KEY, savedText);
    } catch {
      // storage full or blocked: the autosave below will fail the same way and say so
    }
  }
  store.setState({
    ...start,
    past: start.past ?? [],
    future: [],
    jumpStack: [],
    selectedEdge: null,
    focus: null,
    playing: false,
  });
  const url = () => `${env.location.pathname}${env.location.search}`;
  // a link that could not be opened leaves the URL, so a reload does not refuse it again
  if (isLessonLink(hash) && start.notice?.key.startsWith('link.') && !decodeLink(hash).ok) {
    env.history.replaceState(env.history.state, '', url());
  }
}

/**
 * Keeps the autosave and the hash in step with the store and follows links pasted into the address bar;
 * `late`: connected after the reader may have changed something, which is then written as any change is.
 */
function keepInStep(
  store: StoreApi<LessonStore>,
  env: BrowserEnv,
  hash: string,
  compressLink: PersistenceOptions['compressLink'],
  late: boolean,
): () => void {
  const url = () => `${env.location.pathname}${env.location.search}`;

  let warned = false;
  /** The large autosave last written whole (with its stamp): while only the step changes, the step is written. */
  let large: { saved: SavedState; stamp: string } | null = null;
  let stamps = 0;
  const save = trailing(env, () => {
    const s = store.getState();
    const saved: SavedState = {
      lesson: s.lesson,
      origin: s.origin,
      granularity: s.granularity,
      cursor: s.cursor,
      locale: s.locale,
      theme: s.theme,
      digits: s.digits,
      iteration: iterationOf(s),
      lossHistory: s.lossHistory,
    };
    try {
      const onlyStep =
        large !== null &&
        (Object.keys(saved) as (keyof SavedState)[]).every(
          (k) => k === 'cursor' || k === 'granularity' || saved[k] === large!.saved[k],
        );
      if (large && onlyStep) {
        const { stamp } = large;
        env.localStorage.setItem(
          SAVED_STEP_KEY,
          serialiseSavedStep({ stamp, granularity: saved.granularity, cursor: saved.cursor }),
        );
        return;
      }
      let text = serialiseSaved(saved);
      large = null;
      if (text.length >= SAVED_STEP_MIN_CHARS) {
        const stamp = `${Date.now().toString(36)}.${(stamps++).toString(36)}`;
        text = serialiseSaved(saved, stamp);
        large = { saved, stamp };
      }
      env.localStorage.setItem(SAVED_KEY, text);
      try {
        env.localStorage.removeItem(SAVED_STEP_KEY); // an older autosave's step (its stamp no longer matches)
      } catch {
        // left behind: it is read only with the autosave whose stamp it carries
      }
    } catch {
      large = null;
      if (!warned) store.getState().setNotice({ key: 'saved.failed' });
      warned = true;
    }
  });
  let written = hash;
  let connected = true;
  const syncHash = trailing(env, () => {
    const s = store.getState();
    // A lesson whose link needs compressing is compressed off the page's thread first, then written (with the
    // state of then): a large lesson's link takes lz-string about a second.
    if (compressLink && !linkIsReady(s.lesson)) {
      void prepareLink(s.lesson, compressLink).then(() => {
        if (connected && linkIsReady(store.getState().lesson)) writeHash();
      });
      return;
    }
    writeHash();
  });
  const writeHash = () => {
    const s = store.getState();
    const link = encodeLink({
      lesson: s.lesson,
      granularity: s.granularity,
      cursor: s.cursor,
      iteration: iterationOf(s),
    });
    // A link too long to rewrite at every step (a large lesson's) leaves the address bar: a reload opens the
    // autosave, and "copy link" still makes it.
    const next = link.length > LIVE_LINK_MAX_CHARS ? '' : link;
    if (next === '' && written === '' && env.location.hash === '') return;
    written = next;
    env.history.replaceState(env.history.state, '', `${url()}${written}`);
    try {
      env.sessionStorage.setItem(OWN_HASH_KEY, written);
    } catch {
      // without it a quick reload may land a few steps back: nothing is lost
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (changed(s, prev, SAVED_FIELDS)) save.run();
    if (changed(s, prev, LINK_FIELDS)) syncHash.run();
  });
  const onHashChange = () => {
    const next = env.location.hash;
    if (next === written || !isLessonLink(next)) return;
    written = next;
    const link = decodeLink(next);
    if (!link.ok) return store.getState().setNotice(link.message);
    const s = store.getState();
    const work: Work = {
      lesson: s.lesson,
      origin: s.origin,
      priorUpdates: s.priorUpdates,
      lossHistory: s.lossHistory,
      granularity: s.granularity,
      cursor: s.cursor,
    };
    // undoable, like every lesson switch; the link's lesson has passed the gate in decodeLink
    const opened = s.loadLesson(link.lesson, {
      granularity: link.granularity,
      cursor: link.cursor,
      iteration: link.iteration,
    });
    if (!opened.ok) return;
    const replaced = !sameLesson(work.lesson, link.lesson) && holdsWork(work.lesson, iterationOf(work));
    store
      .getState()
      .setNotice(
        link.message ??
          (replaced ? { key: 'link.replacedWork', action: { kind: 'restoreWork', work } } : null),
      );
  };
  if (late) {
    // a page that started before persistence connected had no link in its address: one there now was pasted or
    // followed since (before this listener existed), and opens as any later link does
    if (isLessonLink(hash)) {
      written = '';
      onHashChange();
    }
    const start = store.getInitialState();
    if (changed(store.getState(), start, SAVED_FIELDS)) save.run();
    if (changed(store.getState(), start, LINK_FIELDS)) syncHash.run();
  }
  // Leaving or reloading: the autosave must be current. The hash is not flushed: the reload already has its URL,
  // and it must stay the one recorded as this tab's own so the newer autosave wins over it.
  const onPageHide = () => save.flush();
  // A tab switched away from may be discarded without a pagehide (phones): save then too.
  const onVisibility = () => save.flush();
  env.addEventListener('hashchange', onHashChange);
  env.addEventListener('pagehide', onPageHide);
  env.addEventListener('visibilitychange', onVisibility);
  return () => {
    connected = false;
    unsubscribe();
    save.cancel();
    syncHash.cancel();
    env.removeEventListener('hashchange', onHashChange);
    env.removeEventListener('pagehide', onPageHide);
    env.removeEventListener('visibilitychange', onVisibility);
  };
}
