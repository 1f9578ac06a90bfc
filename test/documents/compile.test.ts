import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivationOf, latexDocument } from '../../src/documents';
import { textIn, traceLesson } from '../../src/engine';
import { translate, type Locale, type Translator } from '../../src/i18n';
import { PRESETS } from '../../src/lessons';
import { buildTimeline, type Granularity } from '../../src/steps';

/**
 * The exported LaTeX compiles as it is, with the packages it names: English with pdfLaTeX, Chinese (ctexart)
 * with XeLaTeX, each where the machine has the TeX tool (Debian: texlive-latex-base; texlive-xetex and
 * texlive-lang-chinese), skipped with a message otherwise.
 */
const has = (tool: string) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`${tool} is not installed: its LaTeX compile tests are skipped.`);
    return false;
  }
};

/** Whether TeX finds `file` (a class or package the document needs), e.g. ctexart.cls of texlive-lang-chinese. */
const texHas = (file: string) => {
  try {
    if (execFileSync('kpsewhich', [file], { encoding: 'utf8' }).trim()) return true;
  } catch {
    // no kpsewhich: no TeX installation to speak of
  }
  console.warn(`${file} is not installed: the tests that need it are skipped.`);
  return false;
};

const dir = mkdtempSync(join(tmpdir(), 'derivation-'));

/** The LaTeX errors (lines starting with `!`) of compiling `doc` with `tool`, or '' when it compiles. */
function compile(tool: string, name: string, doc: string): string {
  writeFileSync(join(dir, `${name}.tex`), doc);
  try {
    execFileSync(tool, ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], {
      cwd: dir,
      stdio: 'pipe',
      timeout: 170_000,
    });
    return '';
  } catch (e) {
    const log = String((e as { stdout?: Buffer }).stdout ?? e);
    return (
      log
        .split('\n')
        .filter((l) => l.startsWith('!'))
        .join('\n') || log.slice(-2000)
    );
  }
}

function exported(presetIndex: number, g: Granularity, locale: Locale): string {
  const preset = PRESETS[presetIndex];
  const r = traceLesson(preset.lesson);
  if (!r.ok) throw new Error('no trace');
  const tl = buildTimeline(preset.lesson, r.trace, g);
  const t: Translator = (key, params) => translate(locale, key, params);
  return latexDocument(derivationOf(preset.lesson, tl, 4), {
    locale,
    title: preset.lesson.title ? textIn(preset.lesson.title, locale) : 'Lesson',
    subtitle: t('documents.subtitle', { iteration: 1, detail: t(`granularity.${g}`) }),
    t,
    stepCount: tl.steps.length,
  });
}

describe.skipIf(!has('pdflatex'))('the English LaTeX derivation compiles with pdfLaTeX', () => {
  PRESETS.forEach((preset, i) => {
    for (const g of ['neuron', 'layer'] as Granularity[])
      it(`${preset.id} at ${g} detail`, () => {
        expect(compile('pdflatex', `${preset.id}-${g}-en`, exported(i, g, 'en'))).toBe('');
      }, 180_000);
  });
});

describe.skipIf(!has('xelatex') || !texHas('ctexart.cls'))(
  'the Chinese LaTeX derivation compiles with XeLaTeX',
  () => {
    PRESETS.forEach((preset, i) => {
      it(`${preset.id} at neuron detail`, () => {
        const doc = exported(i, 'neuron', 'zh-CN');
        expect(doc).toMatch(/[\u4e00-\u9fff]/); // Chinese words, not the English ones
        expect(compile('xelatex', `${preset.id}-neuron-zh`, doc)).toBe('');
      }, 180_000);
    });
  },
);
