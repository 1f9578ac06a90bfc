import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivationOf, latexDocument } from '../../src/documents';
import { traceLesson } from '../../src/engine';
import { translate } from '../../src/i18n';
import { PRESETS } from '../../src/lessons';
import { buildTimeline, type Granularity } from '../../src/steps';

/** pdfLaTeX, where the machine has it (the document must compile as it is, with the packages it names). */
const pdflatex = (() => {
  try {
    execFileSync('pdflatex', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!pdflatex)('the English LaTeX derivation compiles with pdfLaTeX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derivation-'));
  for (const preset of PRESETS) {
    for (const g of ['neuron', 'layer'] as Granularity[]) {
      it(`${preset.id} at ${g} detail`, () => {
        const r = traceLesson(preset.lesson);
        if (!r.ok) throw new Error('no trace');
        const tl = buildTimeline(preset.lesson, r.trace, g);
        const doc = latexDocument(derivationOf(preset.lesson, tl, 4), {
          locale: 'en',
          title: preset.lesson.title?.en ?? 'Lesson',
          subtitle: 'Iteration 1',
          t: (key, params) => translate('en', key, params),
          stepCount: tl.steps.length,
        });
        const name = `${preset.id}-${g}`;
        writeFileSync(join(dir, `${name}.tex`), doc);
        let log = '';
        try {
          execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], {
            cwd: dir,
            stdio: 'pipe',
            timeout: 120_000,
          });
        } catch (e) {
          log = String((e as { stdout?: Buffer }).stdout ?? e);
        }
        expect(
          log
            .split('\n')
            .filter((l) => l.startsWith('!'))
            .join('\n') || log.slice(-2000),
        ).toBe('');
      }, 180_000);
    }
  }
});
