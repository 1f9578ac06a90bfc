/**
 * A lesson's derivation as a document: the current step, or every step of the iteration, each with its sentence
 * and its formula (the rule, the rule with numbers, the result) as the formula panel shows it, written out as a
 * standalone LaTeX document (amsmath) or as Markdown with `$…$` maths. The formulas come from the formula builder
 * unchanged; the words come from the reader's message table through `t`.
 */
import type { Lesson } from '../engine';
import { formulaContext, formulaFor, type Formula } from '../formulas';
import type { Translator } from '../i18n/keys';
import type { Step, Timeline } from '../steps';

/** The reader's message table: key and parameters → text. */
export type Translate = Translator;

export interface DerivedStep {
  step: Step;
  formula: Formula;
}

/** The three rows of a step's formula, in the order the panel shows them, with their labels' keys. */
export const FORMULA_ROWS = [
  { part: 'symbolic', label: 'formula.rule' },
  { part: 'substituted', label: 'formula.numbers' },
  { part: 'result', label: 'formula.result' },
] as const;

/** The steps at `indices` of the timeline (every step by default) with their formulas. */
export function derivationOf(
  lesson: Lesson,
  timeline: Timeline,
  digits: number,
  indices: readonly number[] = timeline.steps.map((s) => s.index),
): DerivedStep[] {
  const context = formulaContext(timeline, lesson, digits);
  return indices.map((i) => {
    const step = timeline.steps[i];
    return { step, formula: formulaFor(step, timeline, lesson, { digits, context }) };
  });
}

/** Every TeX formula of a derivation, in document order. */
export const formulasOf = (steps: readonly DerivedStep[]): string[] =>
  steps.flatMap(({ formula }) => FORMULA_ROWS.map((r) => formula[r.part]));

export interface DocumentHead {
  locale: 'en' | 'zh-CN';
  /** The document's title (the lesson's, in the reader's language). */
  title: string;
  /** One line under it: which iteration, which step, what detail. */
  subtitle: string;
  t: Translate;
  /** The step count of the whole timeline, for "Step 3 of 27". */
  stepCount: number;
}

/** A step's heading: "Step 3 of 27 · forward". */
const stepHeading = (d: DerivedStep, head: DocumentHead) =>
  `${head.t('documents.stepOf', { index: d.step.index + 1, count: head.stepCount })} · ${head.t(`phase.${d.step.phase}`)}`;

const sentenceOf = (d: DerivedStep, head: DocumentHead) =>
  head.t(d.formula.sentence.key, d.formula.sentence.params);

/** Characters of the product's sentences that text mode cannot set as they are, in LaTeX. */
const TEXT_SYMBOLS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '−': '\\ensuremath{-}',
  '·': '\\ensuremath{\\cdot}',
  '×': '\\ensuremath{\\times}',
  '′': '\\ensuremath{\\prime}',
  '∂': '\\ensuremath{\\partial}',
  '⊙': '\\ensuremath{\\odot}',
  '→': '\\ensuremath{\\rightarrow}',
  '←': '\\ensuremath{\\leftarrow}',
  '≈': '\\ensuremath{\\approx}',
  '≤': '\\ensuremath{\\le}',
  '≥': '\\ensuremath{\\ge}',
  '∑': '\\ensuremath{\\sum}',
  '∇': '\\ensuremath{\\nabla}',
  '…': '\\ldots{}',
  '’': "'",
  '‘': '`',
  '“': '``',
  '”': "''",
  '–': '--',
  '—': '---',
  ᵀ: '\\ensuremath{^{\\top}}',
  '½': '\\ensuremath{\\tfrac{1}{2}}',
  '²': '\\textsuperscript{2}',
  '³': '\\textsuperscript{3}',
  '¹': '\\textsuperscript{1}',
};
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  η: 'eta',
  θ: 'theta',
  λ: 'lambda',
  μ: 'mu',
  π: 'pi',
  σ: 'sigma',
  τ: 'tau',
  φ: 'phi',
  ω: 'omega',
  Δ: 'Delta',
  Σ: 'Sigma',
  Φ: 'Phi',
  Ω: 'Omega',
};
for (const [c, name] of Object.entries(GREEK)) TEXT_SYMBOLS[c] = `\\ensuremath{\\${name}}`;
'₀₁₂₃₄₅₆₇₈₉'.split('').forEach((c, i) => (TEXT_SYMBOLS[c] = `\\textsubscript{${i}}`));
'⁰¹²³⁴⁵⁶⁷⁸⁹'.split('').forEach((c, i) => (TEXT_SYMBOLS[c] = `\\textsuperscript{${i}}`));
TEXT_SYMBOLS['⁻'] = '\\textsuperscript{\\ensuremath{-}}';

/** Text for LaTeX's text mode: its special characters escaped, maths symbols set as maths. */
export function latexText(s: string): string {
  let out = '';
  for (const c of s) out += TEXT_SYMBOLS[c] ?? c;
  return out;
}

/**
 * A standalone LaTeX document (amsmath): a title, then each step's heading, sentence and formula rows in display
 * maths. English compiles with pdfLaTeX; Chinese uses ctexart, for XeLaTeX (named in a `% !TEX program` line).
 */
export function latexDocument(steps: readonly DerivedStep[], head: DocumentHead): string {
  const zh = head.locale === 'zh-CN';
  const lines = [
    ...(zh
      ? ['% !TEX program = xelatex', '\\documentclass[11pt,UTF8]{ctexart}']
      : ['\\documentclass[11pt]{article}']),
    ...(zh ? [] : ['\\usepackage[utf8]{inputenc}', '\\usepackage[T1]{fontenc}']),
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage[a4paper,margin=2cm]{geometry}',
    '\\setlength{\\parindent}{0pt}',
    '\\allowdisplaybreaks',
    `\\title{${latexText(head.title)}}`,
    `\\author{${latexText(head.subtitle)}}`,
    '\\date{}',
    '\\begin{document}',
    '\\maketitle',
  ];
  for (const d of steps) {
    lines.push('', `\\subsection*{${latexText(stepHeading(d, head))}}`, latexText(sentenceOf(d, head)));
    for (const row of FORMULA_ROWS)
      lines.push('', `\\textbf{${latexText(head.t(row.label))}}`, '\\[', d.formula[row.part], '\\]');
  }
  lines.push('', '\\end{document}', '');
  return lines.join('\n');
}

/** Markdown with `$…$` maths: a title, then each step's heading, sentence and formula rows. */
export function markdownDocument(steps: readonly DerivedStep[], head: DocumentHead): string {
  const lines = [`# ${head.title}`, '', head.subtitle];
  for (const d of steps) {
    lines.push('', `## ${stepHeading(d, head)}`, '', sentenceOf(d, head), '');
    for (const row of FORMULA_ROWS) lines.push(`- ${head.t(row.label)}: $${d.formula[row.part]}$`);
  }
  lines.push('');
  return lines.join('\n');
}
