/** Pure geometry of the network graph: positions, label anchors, stroke scales and colours. */
export {
  lineChart,
  indexAt,
  decimate,
  decimateGrowing,
  pixelsOf,
  xEnd,
  xEndGrowing,
  samePixels,
  samePrefix,
  polylineLength,
  type ChartBox,
  type ChartGeometry,
  type ChartMark,
  type ChartPoint,
  type GrowingMemo,
  type Tick,
} from './chart';
export {
  layoutNetwork,
  symbolAbove,
  nodeFootprint,
  layoutObstacles,
  textWidth,
  LABEL_EDGE_LIMIT,
  CHAR_EM,
  LINE_EM,
} from './network';
export type {
  Box,
  LayoutOptions,
  NetworkLayout,
  NodeGeom,
  EdgeGeom,
  NodeDetail,
  TargetGeom,
} from './network';
export {
  placeLabels,
  placeSomeLabels,
  overlapArea,
  rectAround,
  LABEL_FRACTIONS,
  type Point,
  type Rect,
} from './labels';
export {
  SIGN_PALETTE,
  signOf,
  maxAbsWeight,
  weightWidthScale,
  dashFor,
  edgeStyle,
  luminance,
  contrastRatio,
  type Sign,
  type EdgeStyle,
} from './style';
export { edgesAlong, pathsGeometry } from './paths';
export { freeTooltipPlace, placeTooltip, type TooltipAnchor } from './tooltip';
