import LZString from 'lz-string'; // CommonJS: only its default export exists under Node's ESM loader
import { parseLesson, type Lesson } from '../../engine';
import type { MessageRef } from '../../formulas/types';
import { problemNoticeParams } from '../../i18n/problems';
import { PRESETS } from '../../lessons';
import type { Granularity } from '../../steps/types';

/**
 * The share link lives in the URL hash: `#v1=<lesson>&g=<granularity>&s=<step>`, where the lesson is its
 * JSON compressed by lz-string into URI-safe characters (A–Z a–z 0–9 + - $), g is the detail level and s the
 * 1-based step number at that level. `v1` names the lesson format version. A built-in lesson that has not
 * been changed is named instead of carried: `#v1&preset=lesson004&g=neuron&s=7`.
 */
export interface LinkState {
  lesson: Lesson;
  granularity: Granularity;
  /** Index of the step in the timeline at `granularity` (the link writes it 1-based). */
  cursor: number;
}

/** What a link holds, or why it cannot be opened (never an exception). */
export type DecodedLink =
  ({ ok: true; message?: MessageRef } & LinkState) | { ok: false; message: MessageRef };

export const GRANULARITIES: readonly Granularity[] = ['neuron', 'layer', 'weight'];
/** The largest step number a link may ask for (timelines are far shorter; the store clamps to the last). */
const MAX_STEP = 1_000_000;
/** The longest hash read; longer ones are refused before decompressing. */
export const MAX_LINK_CHARS = 1_000_000;

const payloads = new WeakMap<Lesson, string>();
/** Each built-in lesson's id by its JSON text (made on first use). */
let presetByText: Map<string, string> | null = null;

/**
 * The lesson part of a link, memoised on the lesson object (the store replaces it on every edit): the
 * preset's name when the lesson is a built-in one unchanged, else the lesson compressed.
 */
function payloadOf(lesson: Lesson): string {
  let p = payloads.get(lesson);
  if (p === undefined) {
    const text = JSON.stringify(lesson);
    presetByText ??= new Map(PRESETS.map((x) => [JSON.stringify(x.lesson), x.id]));
    const preset = presetByText.get(text);
    p = preset ? `v1&preset=${preset}` : `v1=${LZString.compressToEncodedURIComponent(text)}`;
    payloads.set(lesson, p);
  }
  return p;
}

/** The hash (with its `#`) that reopens this lesson at this granularity and step. */
export function encodeLink({ lesson, granularity, cursor }: LinkState): string {
  return `#${payloadOf(lesson)}&g=${granularity}&s=${Math.max(0, Math.floor(cursor)) + 1}`;
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

const refuse = (key: string, params?: MessageRef['params']): DecodedLink => ({
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
  const parsed = parseLesson(json);
  if (!parsed.ok) {
    // The first problem travels as code and params, translated when the notice is shown.
    return refuse('link.invalid', {
      ...problemNoticeParams(parsed.problems[0]),
      count: parsed.problems.length,
    });
  }
  return { ok: true, lesson: parsed.lesson };
}

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
  const granularity = GRANULARITIES.find((x) => x === g);
  const step = s !== undefined && /^\d{1,7}$/.test(s) ? Number(s) : NaN;
  const goodStep = Number.isInteger(step) && step >= 1 && step <= MAX_STEP;
  const state: LinkState = {
    lesson: lesson.lesson,
    granularity: granularity ?? lesson.lesson.conventions.detail ?? 'neuron',
    cursor: goodStep ? step - 1 : 0,
  };
  const understood = (g === undefined || granularity !== undefined) && (s === undefined || goodStep);
  return understood ? { ok: true, ...state } : { ok: true, ...state, message: { key: 'link.badPosition' } };
}
