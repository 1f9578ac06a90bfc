import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/engine';
import { PRESETS } from '../../../src/lessons';
import { lessonFileName, parseLessonFile, sameLesson, serialiseLesson } from '../../../src/store/persist';
import { MAX_FILE_CHARS } from '../../../src/store/persist/lessonFile';
import { anyLesson, viaJson } from './arbitraries';

describe('lesson file', () => {
  it('round-trips random lessons: lesson → file → lesson', () => {
    fc.assert(
      fc.property(anyLesson, (lesson) => {
        const text = serialiseLesson(lesson);
        const back = parseLessonFile(text);
        expect(back).toEqual({ ok: true, lesson: viaJson(lesson) });
        // from then on the text is stable (the reader writes fields in one order)
        if (!back.ok) return;
        const again = serialiseLesson(back.lesson);
        const third = parseLessonFile(again);
        expect(third.ok && serialiseLesson(third.lesson)).toBe(again);
      }),
      { numRuns: 200 },
    );
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('round-trips the preset %s', (_id, preset) => {
    const back = parseLessonFile(serialiseLesson(preset.lesson));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.lesson).toEqual(preset.lesson);
      expect(sameLesson(back.lesson, preset.lesson)).toBe(true);
    }
  });

  it('writes pretty-printed JSON of format backprop-lesson, ending in a newline', () => {
    const text = serialiseLesson(PRESETS[0].lesson);
    expect(text).toMatch(/^\{\n {2}"format": "backprop-lesson",\n {2}"version": 1,/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('a JSON syntax error is one problem at $ with the parser’s message', () => {
    const r = parseLessonFile('{"format": "backprop-lesson",');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].path).toBe('$');
    let parserMessage = '';
    try {
      JSON.parse('{"format": "backprop-lesson",');
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    expect(r.problems[0]).toMatchObject({
      code: 'notJson',
      params: { detail: parserMessage },
      message: `The file is not JSON: ${parserMessage}`,
    });
  });

  it('a file too long to read is one problem at $, in either language', async () => {
    const { translate } = await import('../../../src/i18n/translate');
    const { problemText } = await import('../../../src/i18n/problems');
    const r = parseLessonFile(' '.repeat(MAX_FILE_CHARS + 1));
    if (r.ok) throw new Error('expected a refusal');
    expect(r.problems).toEqual([
      {
        path: '$',
        code: 'fileTooLong',
        params: { length: MAX_FILE_CHARS + 1, max: MAX_FILE_CHARS },
        message: `The file has ${MAX_FILE_CHARS + 1} characters; at most ${MAX_FILE_CHARS} are read`,
      },
    ]);
    const zh = problemText((k, p) => translate('zh-CN', k, p), r.problems[0]);
    expect(zh).toBe(`文件有 ${MAX_FILE_CHARS + 1} 个字符，最多只读取 ${MAX_FILE_CHARS} 个`);
  });

  it('lists every problem of a well-formed but wrong file, each with its path', () => {
    const bad = { ...viaJson(PRESETS[0].lesson), version: 2, loss: 'hinge', learningRate: -1 } as Record<
      string,
      unknown
    >;
    (bad.layers as { activation?: string }[])[1].activation = 'sigmod';
    const r = parseLessonFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['version', 'loss', 'learningRate', 'layers[1].activation']),
    );
    expect(r).toEqual(parseLesson(bad));
  });

  it('never throws on random text or random JSON, and explains every refusal', () => {
    const refusedWithReasons = (text: string) => {
      const r = parseLessonFile(text);
      if (!r.ok) {
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(p.path.length > 0 && p.message.length > 0).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), refusedWithReasons), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), refusedWithReasons), { numRuns: 300 });
    // a real lesson with random values dropped into random places
    fc.assert(
      fc.property(anyLesson, fc.jsonValue(), fc.nat(), (lesson, junk, at) => {
        const text = serialiseLesson(lesson);
        const cut = at % (text.length + 1);
        refusedWithReasons(text.slice(0, cut));
        const obj = viaJson(lesson) as unknown as Record<string, unknown>;
        const keys = Object.keys(obj);
        obj[keys[at % keys.length]] = junk;
        refusedWithReasons(JSON.stringify(obj));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a file beyond the size cap without parsing it', () => {
    const r = parseLessonFile(' '.repeat(5_000_001));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].path).toBe('$');
  });

  it('names the file after the English title', () => {
    expect(lessonFileName(PRESETS[0].lesson)).toBe('one-hidden-layer-the-chain-rule-by-hand.json');
    expect(lessonFileName({ ...PRESETS[0].lesson, title: undefined })).toBe('lesson.json');
    expect(
      lessonFileName({ ...PRESETS[0].lesson, title: { en: '  Ünïcode — “quotes”!  ', 'zh-CN': '' } }),
    ).toBe('unicode-quotes.json');
    fc.assert(
      fc.property(fc.string(), (en) => {
        expect(lessonFileName({ ...PRESETS[0].lesson, title: { en, 'zh-CN': '' } })).toMatch(
          /^[a-z0-9-]{1,60}\.json$/,
        );
      }),
    );
  });
});
