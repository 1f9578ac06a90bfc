/** The network layout's shapes (nodes, edges, targets, the whole layout), its options and text metrics. */
import type { EdgeId, GraphId, NodeId } from '../engine';
import type { Point } from './labels';

/** Nets with at most this many edges in a layer pair try to show every weight label of that pair. */
export const LABEL_EDGE_LIMIT = 30;
/** Estimated width of one character in em (digits of common sans-serif fonts are 0.55–0.64 em; generous). */
export const CHAR_EM = 0.64;
/** Height of a line of text in em. */
export const LINE_EM = 1.25;
/** Estimated width of `chars` characters at font size `font`. */
export const textWidth = (chars: number, font: number): number => chars * CHAR_EM * font;

export interface Box {
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Largest node half-height r in box units (default 10% of the box's shorter side). */
  maxRadius?: number;
  /** Smallest font size of any text, in box units (default 12; the box is in CSS pixels when measured). */
  minFont?: number;
  /** Characters of a value shown inside a neuron, without its letter (default 7, e.g. −0.1234). */
  valueChars?: number;
  /** Characters of a neuron's symbol (default 3, e.g. a¹₁). */
  symbolChars?: number;
  /** Characters a weight label must hold per line (default 6). */
  labelChars?: number;
  /** Lines a weight label must hold; 2 leaves room for the updated weight w⁺ under w (default 2). */
  labelLines?: number;
  /** Whether to try placing every weight label (default: for layer pairs of at most LABEL_EDGE_LIMIT edges). */
  labels?: boolean;
  /** Characters of the target text beside each output neuron ("t₁ = 0.01"); 0 draws no targets (default 0). */
  targetChars?: number;
}

/**
 * How much text fits in a node: symbol above with z and a inside, symbol above with a inside, the symbol
 * inside only, the symbol above only (a long symbol over a small node), or nothing (large nets). Every text drawn is at least minFont.
 */
export type NodeDetail = 'full' | 'value' | 'symbol' | 'named' | 'none';

/** A neuron `n:l:j` or a bias node `bn:l` (drawn in column l − 1). */
export interface NodeGeom {
  id: NodeId;
  /** Layer l of a neuron; for a bias node, the layer it feeds. */
  layer: number;
  /** Neuron j; −1 for a bias node. */
  index: number;
  bias: boolean;
  x: number;
  y: number;
  /** Half-height; a circle of radius r when rx = r, else a stadium (pill) of half-width rx. */
  r: number;
  /** Half-width (≥ r). */
  rx: number;
}

/** An edge `e:l:j:k` (or bias edge `eb:l:j`) from its source's rim to its target's rim. */
export interface EdgeGeom {
  id: EdgeId;
  /** Layer l the edge leads into. */
  layer: number;
  /** Neuron j of layer l. */
  to: number;
  /** Neuron k of layer l − 1; −1 for a bias edge. */
  from: number;
  source: NodeId;
  target: NodeId;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path from source to target (d3-shape line). */
  d: string;
  /** Centre of the weight label (placed without overlap when `labelled`, else the edge's middle). */
  label: Point;
  /** Whether the label has a place of its own that overlaps nothing (its layer pair is not too dense). */
  labelled: boolean;
}

/** Where the target t_j of output neuron j is written: left end and middle of its text. */
export interface TargetGeom {
  node: NodeId;
  index: number;
  x: number;
  y: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  /** Neuron radius r (half-height of a stadium). */
  radius: number;
  /** Neuron half-width (≥ radius). */
  radiusX: number;
  /** Bias node radius. */
  biasRadius: number;
  detail: NodeDetail;
  /** Smallest font size used. */
  minFont: number;
  /** Font size of node symbols; values inside nodes use valueFontSize. */
  fontSize: number;
  valueFontSize: number;
  labelFontSize: number;
  /** Size of a weight label box (labelLines lines of labelChars). */
  labelSize: { width: number; height: number };
  /** Characters of a neuron's symbol and of a target's text, as laid out. */
  symbolChars: number;
  targetChars: number;
  /** Whether every weight label has its own place (no layer pair too dense). */
  showLabels: boolean;
  /** x of each layer's column. */
  columns: number[];
  nodes: NodeGeom[];
  edges: EdgeGeom[];
  targets: TargetGeom[];
  /** Where the word "targets" is written (left end and middle), above the first target. */
  targetHeading: Point | null;
  /** Nodes and edges by id; any graph id may be asked (an edge's id finds no node). */
  nodeById: Record<GraphId, NodeGeom>;
  edgeById: Record<GraphId, EdgeGeom>;
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Coordinates to 1/100 of a unit: tidy attributes, nothing visible lost. */
export const round = (v: number) => Math.round(v * 100) / 100;

/** Whether the neuron's symbol is written above it (the symbol-only detail writes it inside). */
export const symbolAbove = (detail: NodeDetail): boolean =>
  detail === 'full' || detail === 'value' || detail === 'named';
/** Room a node's texts take beyond its shape: the symbol above and the δ badge below (full and value). */
export const textAbove = (detail: NodeDetail, fs: number) => (symbolAbove(detail) ? fs * 1.4 : 0);
export const textBelow = (detail: NodeDetail, vf: number) =>
  detail === 'full' || detail === 'value' ? vf * 0.8 : 0;
