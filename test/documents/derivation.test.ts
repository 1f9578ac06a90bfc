import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { traceLesson, type Lesson } from '../../src/engine';
import {
  derivationOf,
  latexDocument,
  latexText,
  markdownDocument,
  type DocumentHead,
} from '../../src/documents';
import { translate, type Locale } from '../../src/i18n';
import { PRESETS } from '../../src/lessons';
import { lesson004 } from '../../src/lessons/lesson004';
import { buildTimeline, type Granularity } from '../../src/steps';
import { vId } from '../support/ids';

const GRANULARITIES: Granularity[] = ['neuron', 'layer', 'weight'];

function timeline(lesson: Lesson, g: Granularity) {
  const r = traceLesson(lesson);
  if (!r.ok) throw new Error('no trace');
  return buildTimeline(lesson, r.trace, g);
}

const head = (locale: Locale, stepCount: number): DocumentHead => ({
  locale,
  title: 'T',
  subtitle: 'S',
  t: (key, params) => translate(locale, key, params),
  stepCount,
});

/** The display formulas of a LaTeX document: the lines between `\[` and `\]`. */
function latexFormulas(doc: string): string[] {
  const lines = doc.split('\n');
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l === '\\[') {
      expect(lines[i + 2]).toBe('\\]');
      out.push(lines[i + 1]);
    }
  });
  return out;
}

/** The `$…$` formulas of a Markdown document, one per row line `- label: $…$`. */
const markdownFormulas = (doc: string): string[] =>
  doc
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => {
      const m = /^- [^$]+: \$(.*)\$$/.exec(l);
      expect(m, l).not.toBeNull();
      return m![1];
    });

const parsed = new Set<string>();
function parses(tex: string, where: string): void {
  if (parsed.has(tex)) return;
  try {
    katex.renderToString(tex, { throwOnError: true, displayMode: true });
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}\n${tex}`);
  }
  parsed.add(tex);
}

describe('the derivation as a document', () => {
  for (const preset of PRESETS) {
    for (const g of GRANULARITIES) {
      it(`${preset.id} at ${g} detail: every formula of the iteration parses in KaTeX, in LaTeX and Markdown`, () => {
        const tl = timeline(preset.lesson, g);
        const steps = derivationOf(preset.lesson, tl, 4);
        expect(steps).toHaveLength(tl.steps.length);
        for (const locale of ['en', 'zh-CN'] as const) {
          const tex = latexDocument(steps, head(locale, tl.steps.length));
          const md = markdownDocument(steps, head(locale, tl.steps.length));
          const fromTex = latexFormulas(tex);
          const fromMd = markdownFormulas(md);
          // three rows per step: the rule, the numbers, the result
          expect(fromTex).toHaveLength(3 * tl.steps.length);
          expect(fromMd).toEqual(fromTex);
          fromTex.forEach((f, i) => parses(f, `${preset.id} ${g} formula ${i}`));
        }
      });
    }
  }

  it('is a standalone amsmath document, in English pure ASCII for pdfLaTeX', () => {
    const tl = timeline(lesson004, 'neuron');
    const doc = latexDocument(derivationOf(lesson004, tl, 4), head('en', tl.steps.length));
    expect(doc.startsWith('\\documentclass[11pt]{article}\n')).toBe(true);
    expect(doc).toContain('\\usepackage{amsmath,amssymb}');
    expect(doc.indexOf('\\begin{document}')).toBeGreaterThan(doc.indexOf('amsmath'));
    expect(doc.trimEnd().endsWith('\\end{document}')).toBe(true);
    expect(/^[\x20-\x7e\n]*$/.test(doc)).toBe(true);
    // braces balance outside the formulas too
    let depth = 0;
    for (const c of doc.replace(/\\[{}]/g, '')) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('speaks the reader’s language', () => {
    const tl = timeline(lesson004, 'neuron');
    const steps = derivationOf(lesson004, tl, 4, [0]);
    const en = latexDocument(steps, head('en', tl.steps.length));
    const zh = latexDocument(steps, head('zh-CN', tl.steps.length));
    expect(en).toContain(`Step 1 of ${tl.steps.length}`);
    expect(en).toContain('\\textbf{With the numbers}');
    expect(zh).toContain('\\documentclass[11pt,UTF8]{ctexart}');
    expect(zh).toContain(`第 1 步，共 ${tl.steps.length} 步`);
    const mdZh = markdownDocument(steps, head('zh-CN', tl.steps.length));
    expect(mdZh).toContain('前向');
    expect(mdZh).not.toContain('Forward');
  });

  it('writes the computed numbers: lesson 004’s third hidden sum is 1.45, not the printed 0.62', () => {
    const tl = timeline(lesson004, 'neuron');
    const doc = markdownDocument(derivationOf(lesson004, tl, 4), head('en', tl.steps.length));
    const z3 = 0.8 * 0.9 + 0.1 * 0.1 + 0.9 * 0.8; // the lesson's weights into hidden 3 times its inputs
    expect(z3).toBeCloseTo(1.45, 12);
    const step = tl.steps.find((s) => s.writes.includes(vId('z:1:2')))!;
    const section = doc.split('\n## ')[step.index + 1];
    expect(section).toMatch(/Result: \$[^$]*= 1\.45\$/);
    expect(section).toContain('0.8 \\cdot 0.9');
  });

  it('escapes text for LaTeX and sets symbols as maths', () => {
    expect(latexText('50% of a_b & c#1 {x} $y ~^')).toBe(
      '50\\% of a\\_b \\& c\\#1 \\{x\\} \\$y \\textasciitilde{}\\textasciicircum{}',
    );
    expect(latexText('δ²₁ = ∂E/∂z − 1')).toBe(
      '\\ensuremath{\\delta}\\textsuperscript{2}\\textsubscript{1} = \\ensuremath{\\partial}E/\\ensuremath{\\partial}z \\ensuremath{-} 1',
    );
    expect(latexText('Output 1’s “term”')).toBe("Output 1's ``term''");
  });
});
