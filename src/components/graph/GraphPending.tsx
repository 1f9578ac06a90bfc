import type { Translate } from './describe';

/**
 * The graph's place while a large net just opened is being drawn (the page shows everything else first): the
 * same box, busy, saying so; never an older lesson's numbers.
 */
export function GraphPending({ t }: { t: Translate }) {
  return (
    <div
      className="graph graph--pending"
      role="group"
      aria-label={t('graph.label')}
      aria-busy="true"
      data-testid="graph-pending"
    >
      <p className="graph-pending" role="status">
        {t('graph.drawing')}
      </p>
    </div>
  );
}
