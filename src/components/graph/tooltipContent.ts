import type { GraphId, Lesson } from '../../engine';
import type { NetworkLayout } from '../../layout';
import { capitalised, edgeRows, edgeTitle, nodeName, nodeRows, weightOf } from './describe';
import type { Row, Shown, Translate } from './describe';

/** What the tooltip shows and where: beside the element's left and right sides, level with its middle. */
export interface TooltipContent {
  left: number;
  right: number;
  y: number;
  title: string;
  rows: Row[];
}

/** The tooltip of a weight (beside its label) or of a neuron (beside it); null for a bias node or no element. */
export function tooltipFor(
  id: GraphId,
  layout: NetworkLayout,
  lesson: Lesson,
  shown: Shown,
  format: (x: number) => string,
  t: Translate,
): TooltipContent | null {
  const e = layout.edgeById[id];
  if (e) {
    const half = layout.labelSize.width / 2;
    return {
      left: e.label.x - half,
      right: e.label.x + half,
      y: e.label.y,
      title: edgeTitle(lesson, e, t),
      rows: edgeRows(lesson, e, weightOf(lesson, shown, e), shown, format, t),
    };
  }
  const n = layout.nodeById[id];
  if (!n || n.bias) return null;
  return {
    left: n.x - n.r,
    right: n.x + n.r,
    y: n.y,
    title: capitalised(nodeName(t, lesson, n.layer, n.index)),
    rows: nodeRows(lesson, n.layer, n.index, shown, format),
  };
}
