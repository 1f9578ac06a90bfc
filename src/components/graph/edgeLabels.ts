import { useMemo } from 'react';
import type { GraphId } from '../../engine';
import { layoutObstacles, placeSomeLabels, rectAround, type NetworkLayout, type Point } from '../../layout';
import type { EdgeView, GraphViews, Marks } from './views';

/** At most this many labels of a dense layer pair are placed at once (the lit edges, then the active one). */
const MAX_DYNAMIC_LABELS = 40;

/** A weight's label to draw: the edge's view and where its label goes. */
export interface PlacedLabel {
  view: EdgeView;
  at: Point;
}

/**
 * The weight labels to draw. `active` is the element under the pointer or focus; `edgeGroups` is passed so the
 * labels follow the edges' views as of their last update.
 */
export function useEdgeLabels(
  layout: NetworkLayout,
  views: GraphViews,
  marks: Marks,
  active: GraphId | null,
  edgeGroups: EdgeView[][],
): PlacedLabel[] {
  // Labels with a place of their own are always shown; those of a dense layer pair only when lit, on the
  // path, selected, hovered or focused, wherever they fit without overlapping anything.
  const fixed = useMemo(() => {
    const { width: w, height: h } = layout.labelSize;
    const labelled = layout.edges.filter((e) => e.labelled);
    return {
      ids: labelled.map((e) => e.id),
      obstacles: [...layoutObstacles(layout), ...labelled.map((e) => rectAround(e.label, w, h))],
    };
  }, [layout]);
  const labels = useMemo(() => {
    const out = fixed.ids.flatMap((id) => {
      const v = views.edgeView(id);
      return v ? [{ view: v, at: v.geom.label }] : [];
    });
    // first come, first placed: the edge under the pointer or focus, the selected one, the step's, the path's
    const wanted = [...(active ? [active] : []), ...(marks.selected ? [marks.selected] : [])];
    wanted.push(...marks.lit, ...marks.path);
    const dynamic = [...new Set(wanted)]
      .filter((id) => layout.edgeById[id] && !layout.edgeById[id].labelled)
      .slice(0, MAX_DYNAMIC_LABELS);
    if (dynamic.length === 0) return out;
    const { width: w, height: h } = layout.labelSize;
    const frame = { x0: 0, y0: 0, x1: layout.width, y1: layout.height };
    const at = placeSomeLabels(
      dynamic.map((id) => layout.edgeById[id]),
      fixed.obstacles,
      frame,
      w,
      h,
    );
    dynamic.forEach((id, i) => {
      const v = views.edgeView(id);
      if (v && at[i]) out.push({ view: v, at: at[i]! });
    });
    return out;
    // edgeGroups: the views are read as of the last views.edges() call
  }, [fixed, views, marks, active, layout, edgeGroups]); // eslint-disable-line react-hooks/exhaustive-deps
  return labels;
}
