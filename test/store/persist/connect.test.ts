// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { lesson001, lesson002, lesson004 } from '../../../src/lessons';
import { createLessonStore, selectIteration } from '../../../src/store';
import {
  decodeLink,
  encodeLink,
  parseSaved,
  SAVED_KEY,
  serialiseSaved,
  type SavedState,
} from '../../../src/store/persist';
import {
  connectPersistence,
  OWN_HASH_KEY,
  SAVED_BACKUP_KEY,
  WRITE_INTERVAL_MS,
  type BrowserEnv,
} from '../../../src/store/persist/connect';
import { freshPage, windowEnv } from '../../support/persistence';

const savedNow = () => {
  const r = parseSaved(window.localStorage.getItem(SAVED_KEY) ?? '');
  if (!r.ok) throw new Error('no readable autosave');
  return r.saved;
};
/** An autosave of lesson 002 at layer step 3, with these settings. */
const saveLesson002 = (
  settings: Pick<SavedState, 'locale' | 'theme' | 'digits'>,
  work: Partial<SavedState> = {},
) =>
  window.localStorage.setItem(
    SAVED_KEY,
    serialiseSaved({
      lesson: lesson002,
      origin: lesson002,
      granularity: 'layer',
      cursor: 2,
      iteration: 1,
      lossHistory: [],
      ...settings,
      ...work,
    }),
  );
const setHash = (hash: string) => window.history.replaceState(null, '', `/${hash}`);

const page = freshPage();

describe('persistence in the browser', () => {
  it('opens the autosave and writes a burst of changes once, an interval after its first', () => {
    saveLesson002({ locale: 'zh-CN', theme: 'dark', digits: 5 });
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    expect(store.getState()).toMatchObject({
      lesson: lesson002,
      granularity: 'layer',
      cursor: 2,
      locale: 'zh-CN',
      theme: 'dark',
      past: [],
    });

    store.getState().next();
    // nothing is written during the step itself
    expect(savedNow().cursor).toBe(2);
    expect(window.location.hash).toBe('');
    vi.advanceTimersByTime(WRITE_INTERVAL_MS - 1);
    store.getState().next();
    store.getState().setLocale('en');
    expect(savedNow().cursor).toBe(2);
    vi.advanceTimersByTime(1);
    // one write, with the state at the end of the interval
    expect(savedNow()).toMatchObject({ cursor: 4, locale: 'en' });
    expect(decodeLink(window.location.hash)).toEqual({
      ok: true,
      lesson: lesson002,
      granularity: 'layer',
      cursor: 4,
      iteration: 1,
    });

    store.getState().nextIteration();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(savedNow()).toMatchObject({ iteration: 2, origin: lesson002 });
    expect(savedNow().lossHistory).toHaveLength(1);
  });

  it('writes nothing until something changes, and flushes a pending change when the page hides', () => {
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    expect(window.localStorage.getItem(SAVED_KEY)).toBeNull();
    expect(window.location.hash).toBe('');
    store.getState().next();
    store.getState().next();
    window.dispatchEvent(new Event('pagehide'));
    expect(savedNow().cursor).toBe(2);
    store.getState().next();
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // switched to another tab
    expect(savedNow().cursor).toBe(3);
  });

  it('waits for an idle moment where the browser offers one', () => {
    const idle: Array<() => void> = [];
    const withIdle = {
      ...windowEnv(),
      requestIdleCallback: (fn: () => void) => idle.push(fn),
      cancelIdleCallback: () => {},
    } as unknown as BrowserEnv;
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, withIdle);
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(window.localStorage.getItem(SAVED_KEY)).toBeNull();
    expect(idle).toHaveLength(2); // the autosave and the hash
    idle.forEach((fn) => fn());
    expect(savedNow().cursor).toBe(1);
    expect(decodeLink(window.location.hash)).toMatchObject({ ok: true, cursor: 1 });
  });

  it('a link in the hash beats the autosave, with a way back; a broken one leaves the autosave and the URL', () => {
    // work done: an iteration taken (an untouched built-in lesson would be nothing to go back to)
    saveLesson002({ locale: 'en', theme: 'light', digits: 4 }, { iteration: 2, lossHistory: [0.25] });
    const savedText = window.localStorage.getItem(SAVED_KEY);
    setHash(encodeLink({ lesson: lesson001, granularity: 'weight', cursor: 6 }));
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    expect(store.getState()).toMatchObject({
      lesson: lesson001,
      granularity: 'weight',
      cursor: 6,
      notice: { key: 'link.replacedWork', action: { kind: 'restoreWork' } },
    });
    page.disconnect();

    setHash('#v1=N4IgLgnhA2C0B2BXAdgQwOYFMDOIBcA&g=neuron&s=7');
    const again = createLessonStore();
    page.disconnect = connectPersistence(again, windowEnv());
    // the saved work opens, the link's failure is said, and the autosave is not written over
    expect(again.getState()).toMatchObject({ lesson: lesson002, cursor: 2, notice: { key: 'link.broken' } });
    expect(window.location.hash).toBe('');
    again.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(savedNow()).toMatchObject({ lesson: lesson002, cursor: 3 });
    expect(JSON.parse(window.localStorage.getItem(SAVED_KEY)!).lesson).toEqual(JSON.parse(savedText!).lesson);
  });

  it('follows a link pasted into the address bar (undoably), and ignores in-page anchors', () => {
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    setHash('#lesson');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState().lesson).toBe(lesson004);

    // over the default lesson untouched there is nothing to go back to (the lesson picker has it): no notice
    setHash(encodeLink({ lesson: lesson002, granularity: 'neuron', cursor: 1 }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState()).toMatchObject({ lesson: lesson002, notice: null });
    store.getState().undo();
    expect(store.getState().lesson).toBe(lesson004);

    // over work done (here an iteration taken), the link offers the way back
    store.getState().nextIteration();
    const work = store.getState().lesson;
    setHash(encodeLink({ lesson: lesson001, granularity: 'layer', cursor: 3 }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState()).toMatchObject({ lesson: lesson001, granularity: 'layer', cursor: 3 });
    expect(store.getState().notice).toMatchObject({ key: 'link.replacedWork' });
    store.getState().runNoticeAction(); // "Back to your work"
    // as it was: the detail of then (the lesson 002 link's, kept through undo), its step and iteration
    expect(store.getState()).toMatchObject({ lesson: work, granularity: 'neuron', cursor: 0 });
    expect(selectIteration(store.getState())).toBe(2);
    store.getState().undo();
    expect(store.getState().lesson).toBe(lesson001);
    store.getState().undo();
    expect(store.getState().lesson).toBe(work);

    setHash('#v1=garbage');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(store.getState()).toMatchObject({ lesson: work, notice: { key: 'link.broken' } });
  });

  it('connected late (a first visit started without it), it opens a link that arrived in the meantime', () => {
    const store = createLessonStore();
    store.setState({ granularity: 'layer' }); // the first visit's own start
    setHash(encodeLink({ lesson: lesson001, granularity: 'neuron', cursor: 5 }));
    page.disconnect = connectPersistence(store, windowEnv(), { open: false });
    expect(store.getState()).toMatchObject({
      lesson: lesson001,
      granularity: 'neuron',
      cursor: 5,
      notice: null,
    });
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(decodeLink(window.location.hash)).toMatchObject({ ok: true, lesson: lesson001, cursor: 5 });
    expect(savedNow()).toMatchObject({ lesson: lesson001, granularity: 'neuron', cursor: 5 });
  });

  it('connected late with no link, it keeps the page’s own start and writes it', () => {
    const store = createLessonStore();
    store.setState({ granularity: 'layer' });
    page.disconnect = connectPersistence(store, windowEnv(), { open: false });
    expect(store.getState()).toMatchObject({ lesson: lesson004, granularity: 'layer', cursor: 0 });
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(decodeLink(window.location.hash)).toMatchObject({
      ok: true,
      lesson: lesson004,
      granularity: 'layer',
    });
  });

  it('an autosave the app cannot take whole is set aside before the first new save', () => {
    const unreadable = '{"format":"backprop-saved","version":1,"lesson":{}}';
    window.localStorage.setItem(SAVED_KEY, unreadable);
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    expect(store.getState().notice).toEqual({ key: 'saved.corrupt' });
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(savedNow().cursor).toBe(1);
    expect(window.localStorage.getItem(SAVED_BACKUP_KEY)).toBe(unreadable);
  });

  it('a quick reload of the tab’s own, not yet updated hash keeps the autosave’s newer step', () => {
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS); // hash and autosave written: step 2
    store.getState().next();
    store.getState().next(); // within the interval: pending
    window.dispatchEvent(new Event('pagehide')); // the reload: the autosave is flushed, the URL already taken
    expect(decodeLink(window.location.hash)).toMatchObject({ ok: true, cursor: 1 });
    expect(window.sessionStorage.getItem(OWN_HASH_KEY)).toBe(window.location.hash);
    expect(savedNow().cursor).toBe(3);
    page.disconnect();
    const reloaded = createLessonStore();
    page.disconnect = connectPersistence(reloaded, windowEnv());
    expect(reloaded.getState().cursor).toBe(3);
  });

  it('says once when the browser refuses to store the work', () => {
    const store = createLessonStore();
    const e = windowEnv();
    const refusing = {
      ...e,
      localStorage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
    } as unknown as BrowserEnv;
    page.disconnect = connectPersistence(store, refusing);
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(store.getState().notice).toEqual({ key: 'saved.failed' });
    store.getState().setNotice(null);
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS);
    expect(store.getState().notice).toBeNull();
  });

  it('stops writing once disconnected', () => {
    const store = createLessonStore();
    page.disconnect = connectPersistence(store, windowEnv());
    page.disconnect();
    store.getState().next();
    vi.advanceTimersByTime(WRITE_INTERVAL_MS * 2);
    expect(window.localStorage.getItem(SAVED_KEY)).toBeNull();
  });
});
