import { useMemo } from 'react';
import { vid, type EdgeId, type GraphId, type Lesson, type NodeId } from '../../engine';
import { symbolText } from '../../formulas';
import { layoutNetwork, type NetworkLayout } from '../../layout';
import { labelChars, nodeSymbol, type Shown, type Translate } from './describe';
import { Lasting } from './lasting';

/** The widest weight label of the lesson drawn last, kept through a discarded render (see Lasting). */
const lastChars = new Lasting<number>();

/** Graphs narrower than this (phones) draw text at 11 px at least; wider ones at 12 px. */
const PHONE_WIDTH = 500;

/** Characters of a text in Latin-character widths (a CJK character is about 1.6 of them). */
const charsOf = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 1.6 : 1), 0);

/**
 * The graph's geometry in a drawing box of `width` × `height`, sized for what it must hold: the widest weight
 * label, value inside a neuron, symbol and target text. Text is at least `minFont_` px, else 12 (11 when the
 * view is narrower than a phone's). `targetTexts` are the targets as drawn beside the outputs.
 */
export function useGraphLayout(
  lesson: Lesson,
  shown: Shown,
  format: (x: number) => string,
  t: Translate,
  { width, height }: { width: number; height: number },
  viewWidth: number,
  minFont_: number | undefined,
): { layout: NetworkLayout; targetTexts: string[] } {
  const { useBias, weights, biases } = lesson;
  const sizesKey = lesson.layers.map((l) => l.size).join(',');
  // a label holds w, and once known "→ w⁺" (as long as a typical value: −0.1234 at four digits)
  const chars = lastChars.get([weights, biases, useBias, format], () => {
    const givens = [...weights, ...(useBias ? [biases] : [])].flat(2);
    return Math.max(labelChars(givens, format), format(-0.123456789).length + 2);
  });
  const minFont = minFont_ ?? (viewWidth < PHONE_WIDTH ? 11 : 12);
  // Characters of the widest value inside a neuron (a small negative number is the longest), of the longest
  // symbol (a spelled-out subscript counts at its size) and of the longest target text.
  const valueChars = Math.max(format(-0.0123456789).length, format(-12.3456789).length);
  const { layers, conventions } = lesson;
  const symbolChars = useMemo(() => {
    const named = { layers, conventions };
    let most = 2;
    sizesKey.split(',').forEach((size, l) => {
      for (let j = 0; j < Math.min(Number(size), 4); j++)
        most = Math.max(most, nodeSymbol(named, l, j).replace(/_/, '').length);
    });
    return most;
  }, [sizesKey, layers, conventions]);
  const targetTexts = useMemo(() => {
    const last = layers.length - 1;
    return Array.from({ length: layers[last].size }, (_, j) => {
      const symbol = symbolText({ layers, conventions }, vid.t(j));
      // a mini-batch's mean step has no one target
      return vid.t(j) in shown ? `${symbol} = ${format(shown[vid.t(j)])}` : symbol;
    });
  }, [layers, conventions, shown, format]);
  const targetChars = Math.max(...[t('graph.targets'), ...targetTexts].map(charsOf));
  const layout = useMemo(
    () =>
      layoutOf(
        sizesKey.split(',').map(Number),
        useBias,
        { width, height },
        { labelChars: chars, minFont, valueChars, symbolChars, targetChars },
      ),
    [sizesKey, useBias, width, height, chars, minFont, valueChars, symbolChars, targetChars],
  );
  return { layout, targetTexts };
}

/** A layout as the page's HTML carries it: its lookups by id are rebuilt from its lists. */
export type PlainLayout = Omit<NetworkLayout, 'nodeById' | 'edgeById'>;

/** The layout computed last, kept through a discarded render (see Lasting). */
const lastLayout = new Lasting<NetworkLayout>();

/** The layouts the prerendered first screen was drawn with, by their arguments (JSON). */
const prerendered = new Map<string, NetworkLayout>();
/** The layouts computed while the build prerenders, by their arguments; null when not recording. */
let recording: Record<string, PlainLayout> | null = null;

/**
 * layoutNetwork, or the layout the build computed for the same arguments: the page hydrates the prerendered
 * graph without placing its nodes and weight labels again (on a phone the start's longest piece of work).
 */
export function layoutOf(...args: Parameters<typeof layoutNetwork>): NetworkLayout {
  const key = JSON.stringify(args);
  const built = prerendered.get(key);
  if (built) return built;
  const layout = lastLayout.get([key], () => layoutNetwork(...args));
  if (recording) {
    const { nodeById: _n, edgeById: _e, ...plain } = layout;
    recording[key] = plain;
  }
  return layout;
}

/** Starts (`true`) or ends recording the layouts computed; returns those recorded since it started. */
export function recordPrerenderedLayouts(on: boolean): Record<string, PlainLayout> {
  const recorded = recording ?? {};
  recording = on ? {} : null;
  return recorded;
}

/** Takes the layouts the prerendered page was drawn with (recordPrerenderedLayouts's record, from the HTML). */
export function adoptPrerenderedLayouts(layouts: Record<string, PlainLayout>): void {
  for (const [key, plain] of Object.entries(layouts))
    prerendered.set(key, {
      ...plain,
      nodeById: Object.fromEntries(plain.nodes.map((n) => [n.id, n])),
      edgeById: Object.fromEntries(plain.edges.map((e) => [e.id, e])),
    });
}

/**
 * The graph's keyboard order (one tab stop; ↑/↓ move through it): the inputs, then each neuron followed by
 * the weights (and bias) leading into it. `neurons` holds the positions of the neurons.
 */
export function focusOrder(layout: NetworkLayout): { ids: GraphId[]; neurons: number[] } {
  const ids: GraphId[] = [];
  const neurons: number[] = [];
  const into = new Map<NodeId, EdgeId[]>();
  for (const e of layout.edges) {
    const list = into.get(e.target);
    if (list) list.push(e.id);
    else into.set(e.target, [e.id]);
  }
  for (const n of layout.nodes) {
    if (n.bias) continue;
    neurons.push(ids.length);
    ids.push(n.id, ...(into.get(n.id) ?? []));
  }
  return { ids, neurons };
}
