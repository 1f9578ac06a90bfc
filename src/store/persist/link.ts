import LZString from 'lz-string'; // CommonJS: only its default export exists under Node's ESM loader
import type { Lesson } from '../../engine';
import type { MessageRef } from '../../formulas/types';
import { PRESETS } from '../../lessons';
import { decodeExercise, encodeExercise, type PracticeSettings } from '../../practice/session';
import type { Granularity } from '../../steps/types';
import { gateLesson, refusalMessage } from '../gate';
import { compressLesson } from './compress';

/**
 * The share link lives in the URL hash: `#v1=<lesson>&g=<granularity>&s=<step>&i=<iteration>`, where the
 * lesson is its JSON compressed by lz-string into URI-safe characters (A–Z a–z 0–9 + - $), g is the detail
 * level, s the 1-based step number at that level and i the training iteration shown (left out at 1; links
 * made before it existed open at iteration 1). `v1` names the lesson format version. A built-in lesson that
 * has not been changed is named instead of carried: `#v1&preset=lesson004&g=neuron&s=7`. A teacher's exercise
 * adds `x=<kinds>[-<fading>]` (src/practice/session.ts), e.g. `&x=fldgu-last`, and opens straight into practice;
 * links without it open as before, and apps made before it ignore it.
 */
export interface LinkState {
  lesson: Lesson;
  granularity: Granularity;
  /** Index of the step in the timeline at `granularity` (the link writes it 1-based). */
  cursor: number;
  /** Training iteration shown (1 = the lesson's own weights); 1 when left out. */
  iteration?: number;
  /** A teacher's exercise: practice with these settings (absent: an ordinary link). */
  exercise?: PracticeSettings;
}

/** What a link holds, or why it cannot be opened (never an exception). */
export type DecodedLink =
  ({ ok: true; message?: MessageRef } & LinkState) | { ok: false; message: MessageRef };

export const GRANULARITIES: readonly Granularity[] = ['neuron', 'layer', 'weight'];
/** The largest step number a link may ask for (timelines are far shorter; the store clamps to the last). */
const MAX_STEP = 1_000_000;
/** The largest iteration a link may carry (the autosave's own bound). */
export const MAX_ITERATION = 1_000_000_000;
/** The longest hash read; longer ones are refused before decompressing. */
export const MAX_LINK_CHARS = 1_000_000;

/**
 * Links' lesson parts of the last few lessons, least recently used first. Not a WeakMap: the undo history holds
 * up to a hundred lessons, and a large lesson's compressed part is hundreds of kB.
 */
const payloads = new Map<Lesson, string>();
const PAYLOADS_KEPT = 4;
const remember = (lesson: Lesson, payload: string) => {
  payloads.delete(lesson);
  if (payloads.size >= PAYLOADS_KEPT) payloads.delete(payloads.keys().next().value!);
  payloads.set(lesson, payload);
};
/** The last lesson turned into JSON here, and that JSON (asked for twice in a row by linkIsReady, prepareLink). */
let lastText: { lesson: Lesson; text: string } | null = null;
/** Compressions under way, by lesson (so a lesson is compressed once however often its link is asked for). */
const compressing = new WeakMap<Lesson, Promise<void>>();
/** Each built-in lesson's id by its JSON text (made on first use). */
let presetByText: Map<string, string> | null = null;

/**
 * The lesson part of a link when it needs no compression (the built-in lesson's name, or compressed before),
 * else the lesson's JSON, to compress. Memoised on the lesson object (the store replaces it on every edit).
 */
function known(lesson: Lesson): { payload: string } | { text: string } {
  const p = payloads.get(lesson);
  if (p !== undefined) return { payload: p };
  if (lastText?.lesson !== lesson) lastText = { lesson, text: JSON.stringify(lesson) };
  const { text } = lastText;
  presetByText ??= new Map(PRESETS.map((x) => [JSON.stringify(x.lesson), x.id]));
  const preset = presetByText.get(text);
  if (preset === undefined) return { text };
  const named = `v1&preset=${preset}`;
  remember(lesson, named);
  return { payload: named };
}

/** The lesson part of a link: the preset's name when it is a built-in lesson unchanged, else the lesson compressed. */
function payloadOf(lesson: Lesson): string {
  const k = known(lesson);
  if ('payload' in k) return k.payload;
  const p = `v1=${compressLesson(k.text)}`;
  remember(lesson, p);
  return p;
}

/** Whether this lesson's link is made at once (false: its JSON must be compressed first, see prepareLink). */
export function linkIsReady(lesson: Lesson): boolean {
  return 'payload' in known(lesson);
}

/**
 * Makes the lesson's link ready with `compress` (e.g. in a worker, so a large lesson's ~1 s of lz-string never
 * holds the page); afterwards encodeLink of this lesson returns at once. `compress` must return what
 * compressLesson returns for the same text.
 */
export function prepareLink(lesson: Lesson, compress: (text: string) => Promise<string>): Promise<void> {
  const k = known(lesson);
  if ('payload' in k) return Promise.resolve();
  let pending = compressing.get(lesson);
  if (!pending) {
    pending = compress(k.text).then(
      (packed) => {
        remember(lesson, `v1=${packed}`);
        compressing.delete(lesson);
      },
      () => {
        compressing.delete(lesson); // a failed compression is tried again on the next request
      },
    );
    compressing.set(lesson, pending);
  }
  return pending;
}

/** encodeLink once the lesson's link is ready (see prepareLink): never compresses on the calling thread. */
export async function encodeLinkAsync(
  state: LinkState,
  compress: (text: string) => Promise<string>,
): Promise<string> {
  await prepareLink(state.lesson, compress);
  return encodeLink(state);
}

/** The hash (with its `#`) that reopens this lesson at this granularity and step. */
export function encodeLink({ lesson, granularity, cursor, iteration = 1, exercise }: LinkState): string {
  const i = Math.min(MAX_ITERATION, Math.max(1, Math.floor(iteration)));
  const x = exercise ? `&x=${encodeExercise(exercise)}` : '';
  return `#${payloadOf(lesson)}&g=${granularity}&s=${Math.max(0, Math.floor(cursor)) + 1}${i > 1 ? `&i=${i}` : ''}${x}`;
}

/**
 * The hash's fields. Split by hand: URLSearchParams would read lz-string's `+` as a space. Fields without
 * `=` (such as the skip link's `#lesson`) are kept with an empty value.
 */
function fields(hash: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (key && !out.has(key)) out.set(key, eq === -1 ? '' : part.slice(eq + 1));
  }
  return out;
}

/** Whether the hash is a share link (of any version) rather than empty or an in-page anchor. */
export function isLessonLink(hash: string): boolean {
  return [...fields(hash).keys()].some((k) => /^v\d+$/.test(k));
}

const refuse = (key: MessageRef['key'], params?: MessageRef['params']): DecodedLink => ({
  ok: false,
  message: { key, params },
});

/** Reads a share link's hash. A broken, truncated or tampered link gives a message, never an exception. */
export function decodeLink(hash: string): DecodedLink {
  try {
    return readLink(hash);
  } catch {
    return refuse('link.broken');
  }
}

/** A built-in lesson named by a link. */
function presetLesson(id: string): { ok: true; lesson: Lesson } | DecodedLink {
  const preset = PRESETS.find((p) => p.id === id);
  return preset ? { ok: true, lesson: preset.lesson } : refuse('link.unknownPreset', { id: id.slice(0, 40) });
}

/** A lesson carried by a link: lz-string-compressed JSON, read as a lesson file is. */
function packedLesson(packed: string | undefined): { ok: true; lesson: Lesson } | DecodedLink {
  let json: unknown;
  try {
    const text = LZString.decompressFromEncodedURIComponent(packed ?? '');
    if (!text) return refuse('link.broken');
    json = JSON.parse(text);
  } catch {
    return refuse('link.broken');
  }
  // The gate: a valid lesson whose step is finite. The first problem travels as code and params, translated
  // when the notice is shown.
  const gated = gateLesson(json);
  if (!gated.ok) return { ok: false, message: refusalMessage(gated.refusal, LINK_KEYS) };
  return gated;
}

const LINK_KEYS = { format: 'link.invalid', nonFinite: 'link.nonFinite' } as const;

function readLink(hash: string): DecodedLink {
  if (hash.length > MAX_LINK_CHARS) return refuse('link.broken');
  const f = fields(hash);
  const version = [...f.keys()].find((k) => /^v\d+$/.test(k));
  if (version === undefined) return refuse('link.broken');
  if (version !== 'v1') return refuse('link.version', { version: version.slice(1) });
  const lesson =
    f.get('v1') === '' && f.has('preset') ? presetLesson(f.get('preset')!) : packedLesson(f.get('v1'));
  if (!lesson.ok) return lesson;
  const g = f.get('g');
  const s = f.get('s');
  const it = f.get('i');
  const x = f.get('x');
  const exercise = x === undefined ? null : decodeExercise(x);
  const granularity = GRANULARITIES.find((x) => x === g);
  const step = s !== undefined && /^\d{1,7}$/.test(s) ? Number(s) : NaN;
  const goodStep = Number.isInteger(step) && step >= 1 && step <= MAX_STEP;
  const iteration = it !== undefined && /^\d{1,10}$/.test(it) ? Number(it) : NaN;
  const goodIteration = iteration >= 1 && iteration <= MAX_ITERATION;
  const state: LinkState = {
    lesson: lesson.lesson,
    granularity: granularity ?? lesson.lesson.conventions.detail ?? 'neuron',
    cursor: goodStep ? step - 1 : 0,
    iteration: goodIteration ? iteration : 1,
    ...(exercise ? { exercise } : {}),
  };
  const understood =
    (g === undefined || granularity !== undefined) &&
    (s === undefined || goodStep) &&
    (it === undefined || goodIteration) &&
    (x === undefined || exercise !== null);
  return understood ? { ok: true, ...state } : { ok: true, ...state, message: { key: 'link.badPosition' } };
}
