import { useEffect, useMemo, useState } from 'react';
import { derivationOf } from '../../documents';
import { formatNumber, notationFor, texToText } from '../../formulas';
import { useT, type MessageKey } from '../../i18n';
import { layoutNetwork } from '../../layout';
import { SymbolText } from '../graph/SymbolText';
import { Tex } from '../Tex';
import { DocumentShell } from './DocumentShell';
import { useDocumentSource } from './source';
import type { Lesson } from '../../engine';

type Paper = 'A4' | 'letter';

/**
 * A formula of the sheet, set as large as display maths but inline, so that a long one breaks after an = or an
 * operator instead of running off the page's edge (display maths never breaks).
 */
function SheetFormula({ tex, className }: { tex: string; className?: string }) {
  return (
    <div className={`documents-formula${className ? ` ${className}` : ''}`}>
      <Tex tex={`\\displaystyle ${tex}`} />
    </div>
  );
}

/** The page size the print dialog starts from, set by an @page rule while the sheet is open. */
function usePageSize(paper: Paper) {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.documentsPage = paper;
    style.textContent = `@page { size: ${paper} portrait; margin: 14mm 14mm 16mm; }`;
    document.head.append(style);
    return () => style.remove();
  }, [paper]);
}

/** `symbol = value` for each given of the lesson: inputs, targets, weights, biases, η. */
function givens(lesson: Lesson, digits: number) {
  const n = notationFor(lesson);
  const f = (v: number) => formatNumber(v, digits);
  const L = lesson.layers.length - 1;
  const groups: { key: MessageKey; params?: Record<string, number>; items: string[] }[] = [
    {
      key: 'documents.givenInputs',
      items: [
        ...lesson.sample.input.map((x, k) => `${n.x(k)} = ${f(x)}`),
        ...lesson.sample.target.map((y, j) => `${n.t(j)} = ${f(y)}`),
      ],
    },
  ];
  for (let l = 1; l <= L; l++) {
    const items = lesson.weights[l - 1].flatMap((row, j) => row.map((w, k) => `${n.w(l, j, k)} = ${f(w)}`));
    if (lesson.useBias) items.push(...lesson.biases[l - 1].map((b, j) => `${n.b(l, j)} = ${f(b)}`));
    groups.push({ key: 'documents.givenWeights', params: { layer: l }, items });
  }
  groups.push({ key: 'documents.givenRate', items: [`${n.eta} = ${f(lesson.learningRate)}`] });
  return groups;
}

/** The network drawn plainly for paper: neurons with their symbols, inputs and targets with their values. */
function NetworkSketch({ lesson, digits }: { lesson: Lesson; digits: number }) {
  const n = notationFor(lesson);
  const sizes = lesson.layers.map((s) => s.size);
  const [width, height, side] = [640, 230, 110];
  const layout = layoutNetwork(
    sizes,
    false,
    { width: width - 2 * side, height },
    { labels: false, maxRadius: 20 },
  );
  const L = sizes.length - 1;
  const value = (v: number) => texToText(formatNumber(v, digits));
  return (
    <svg
      className="documents-sketch"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={sizes.join('-')}
    >
      <g transform={`translate(${side} 0)`}>
        {layout.edges.map((e) => (
          <line key={e.id} x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} />
        ))}
        {layout.nodes
          .filter((v) => !v.bias)
          .map((v) => (
            <g key={v.id}>
              <circle cx={v.x} cy={v.y} r={v.r} />
              <text x={v.x} y={v.y - v.r - 4} textAnchor="middle">
                <SymbolText text={texToText(v.layer === 0 ? n.x(v.index) : n.a(v.layer, v.index))} />
              </text>
              {v.layer === 0 && (
                <text x={v.x - v.r - 6} y={v.y} dy="0.35em" textAnchor="end">
                  {value(lesson.sample.input[v.index])}
                </text>
              )}
              {v.layer === L && (
                <text x={v.x + v.r + 6} y={v.y} dy="0.35em" textAnchor="start">
                  <SymbolText text={texToText(n.t(v.index))} /> = {value(lesson.sample.target[v.index])}
                </text>
              )}
            </g>
          ))}
      </g>
    </svg>
  );
}

/**
 * The worksheet of the lesson on screen (its network with its numbers, and a blank for each quantity of one
 * iteration at the detail on screen), or its answer key (every rule with its numbers and result).
 */
export default function PrintSheet({ answers, onClose }: { answers: boolean; onClose: () => void }) {
  const t = useT();
  const [paper, setPaper] = useState<Paper>(() =>
    /^en-(US|CA)|^es-(US|MX)/.test(navigator.language) ? 'letter' : 'A4',
  );
  usePageSize(paper);
  const source = useDocumentSource();
  const steps = useMemo(
    () => (source ? derivationOf(source.lesson, source.timeline, source.digits) : []),
    [source],
  );
  if (!source) return null;
  const title = `${t(answers ? 'documents.answerKey' : 'documents.worksheet')}: ${source.head.title}`;
  return (
    <DocumentShell
      title={title}
      onClose={onClose}
      className={answers ? 'documents-answers' : 'documents-worksheet'}
      tools={
        <>
          <label>
            {t('documents.paper')}{' '}
            <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
              <option value="A4">A4</option>
              <option value="letter">Letter</option>
            </select>
          </label>
          <button type="button" onClick={() => window.print()}>
            {t('documents.print')}
          </button>
        </>
      }
    >
      <p className="documents-subtitle">{source.head.subtitle}</p>
      {!answers && (
        <p className="documents-name">
          {t('documents.name')}: <span className="documents-blank documents-blank--long" />
        </p>
      )}
      <p>{t(answers ? 'documents.answerKeyIntro' : 'documents.worksheetIntro')}</p>
      <section className="documents-givens">
        <h2>{t('documents.network')}</h2>
        <NetworkSketch lesson={source.lesson} digits={source.digits} />
        {givens(source.lesson, source.digits).map((g) => (
          <div key={`${g.key}${g.params?.layer ?? ''}`} className="documents-given-group">
            <h3>{t(g.key, g.params)}</h3>
            <ul>
              {g.items.map((item) => (
                <li key={item}>
                  <Tex tex={item} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <ol className="documents-steps">
        {steps.map(({ step, formula }) => (
          <li key={step.id} className="documents-step" data-step-id={step.id}>
            <p>
              <span className="documents-phase">{t(`phase.${step.phase}`)}</span>{' '}
              {t(formula.sentence.key, formula.sentence.params)}
            </p>
            <SheetFormula tex={formula.symbolic} className="documents-rule" />
            {answers ? (
              <>
                <SheetFormula tex={formula.substituted} />
                <SheetFormula tex={formula.result} className="documents-result" />
              </>
            ) : (
              <ul className="documents-blanks">
                {formula.results.map((r) => (
                  <li key={r.id} data-value-id={r.id}>
                    <Tex tex={`${r.symbol} =`} /> <span className="documents-blank" />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </DocumentShell>
  );
}
