/** The steps layer's public surface: a trace → the ordered lesson timeline, as data. */
export { buildTimeline, type StructureCache, type TimelineStructure } from './build';
export { findCoveringStep, phaseRange, progressInPhase } from './navigation';
export { collectValues } from './values';
export { vid, gid, valueKind, valueIndices, scopeId, sampleOf, unscoped, parseValueId } from '../engine';
export { range } from './collections';
export {
  shapeOf,
  isSoftmax,
  outputDeltaForm,
  weightGrid,
  transpose,
  slotOrder,
  SLOT,
  templates,
  type NetShape,
  type OutputDeltaForm,
  type SlotName,
} from './shape';
export { PHASES } from './types';
export type * from './types';
