import { dashFor } from '../../layout';
import type { Translate } from './describe';
import './graph.css';
import './legend.css';

const Sample = ({ sign, width }: { sign: 'pos' | 'neg'; width: number }) => (
  <svg className="graph-legend__sample" viewBox="0 0 40 14" width="40" height="14" aria-hidden="true">
    <line
      className={`graph-legend__line graph-edge--${sign}`}
      x1="2"
      y1="7"
      x2="38"
      y2="7"
      strokeWidth={width}
      strokeDasharray={dashFor(sign, width)}
    />
  </svg>
);

/** What the edges mean: width by |w|, colour and dash by sign. */
export function GraphLegend({ t }: { t: Translate }) {
  return (
    <div className="graph-legend">
      <span className="graph-legend__item">
        <Sample sign="pos" width={4} />
        {t('graph.positive')}
      </span>
      <span className="graph-legend__item">
        <Sample sign="neg" width={4} />
        {t('graph.negative')}
      </span>
      <span className="graph-legend__item">
        <Sample sign="pos" width={1} />
        <Sample sign="pos" width={7} />
        |w|
      </span>
      <span className="graph-legend__text">{t('graph.legend')}</span>
    </div>
  );
}
