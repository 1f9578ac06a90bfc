import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseLesson, type CsvProblem } from '../../src/engine';
import { builtinSamples, datasetSplit, irisSplit, DEFAULT_NOISE } from '../../src/data';
import { lesson004 } from '../support/lesson004';

const cell = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

const labelArb = (text: boolean): fc.Arbitrary<string | number> =>
  text ? fc.constantFrom('cat', 'dog', 'bird, small', 'say "hi"') : cell;

/** A well-formed CSV: a header, rows of numeric features and a label (text classes or numbers). */
const csvArb = fc
  .record({
    features: fc.integer({ min: 1, max: 5 }),
    rows: fc.integer({ min: 1, max: 30 }),
    textLabels: fc.boolean(),
  })
  .chain(({ features, rows, textLabels }) =>
    fc.record({
      values: fc.array(fc.array(cell, { minLength: features, maxLength: features }), {
        minLength: rows,
        maxLength: rows,
      }),
      labels: fc.array(labelArb(textLabels), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );

const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function csvText(values: number[][], labels: (string | number)[]): string {
  const header = [...values[0].map((_, i) => `x${i}`), 'label'].join(',');
  return [header, ...values.map((r, i) => [...r.map(String), quote(String(labels[i]))].join(','))].join('\n');
}

describe('CSV reader', () => {
  it('reads text labels as one-hot classes in order of first appearance', () => {
    const r = parseCsv('a,b,species\n1,2,cat\n3,4.5,dog\n-1,.5e1,cat\n');
    expect(r).toEqual({
      ok: true,
      data: {
        features: ['a', 'b'],
        label: 'species',
        classes: ['cat', 'dog'],
        samples: [
          { input: [1, 2], target: [1, 0] },
          { input: [3, 4.5], target: [0, 1] },
          { input: [-1, 5], target: [1, 0] },
        ],
      },
    });
  });

  it('reads a numeric label as a regression target; CRLF, blank lines and quotes are fine', () => {
    const r = parseCsv('"x, cm",y\r\n\r\n 1.5 ,2\r\n"3",-0.25\r\n');
    expect(r).toEqual({
      ok: true,
      data: {
        features: ['x, cm'],
        label: 'y',
        classes: null,
        samples: [
          { input: [1.5], target: [2] },
          { input: [3], target: [-0.25] },
        ],
      },
    });
  });

  it('reports every problem with its line and column', () => {
    const r = parseCsv('a,b,y\n1,x,c\n1,2\n\n1e7,,d\n"1,2,3');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 2, 'csvNotNumber'],
      [3, 3, 'csvColumns'],
      [5, 1, 'csvTooLarge'],
      [5, 2, 'csvNotNumber'],
      [6, 1, 'csvQuote'],
    ]);
    expect(r.problems[3].message).toBe('line 5, column 2: expected a number, found nothing');
  });

  it('property: a well-formed CSV reads back exactly', () => {
    fc.assert(
      fc.property(csvArb, ({ values, labels }) => {
        const r = parseCsv(csvText(values, labels));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.data.samples.map((s) => s.input)).toEqual(values.map((row) => row.map((v) => v + 0)));
        const numeric = typeof labels[0] === 'number';
        if (numeric) expect(r.data.samples.map((s) => s.target[0])).toEqual(labels.map((v) => Number(v) + 0));
        else {
          const classes = [...new Set(labels)];
          expect(r.data.classes).toEqual(classes);
          r.data.samples.forEach((s, i) =>
            expect(s.target).toEqual(classes.map((c) => (c === labels[i] ? 1 : 0))),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('property: a fault put at any line and column is refused there, and nothing is loaded', () => {
    const faults = ['text', 'empty', 'huge', 'dropCell', 'extraCell', 'openQuote'] as const;
    fc.assert(
      fc.property(
        csvArb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...faults),
        ({ values, labels }, rowPick, colPick, fault) => {
          const lines = csvText(values, labels).split('\n');
          const row = 1 + (rowPick % values.length); // index into lines (0 = header)
          const cols = values[0].length; // feature columns
          const col = colPick % cols;
          const cells = [...values[row - 1].map(String), quote(String(labels[row - 1]))];
          let column = col + 1;
          let code: CsvProblem['code'] | undefined;
          if (fault === 'text') [cells[col], code] = ['abc', 'csvNotNumber'];
          else if (fault === 'empty') [cells[col], code] = ['', 'csvNotNumber'];
          else if (fault === 'huge') [cells[col], code] = ['-2e6', 'csvTooLarge'];
          else if (fault === 'dropCell') {
            cells.splice(col, 1);
            [column, code] = [cells.length + 1, 'csvColumns'];
          } else if (fault === 'extraCell') {
            cells.splice(col, 0, '1');
            [column, code] = [cols + 2, 'csvColumns'];
          } else {
            // an opening quote: unclosed (csvQuote), or closed by a later field's quote, which then reads wrong
            cells[col] = '"' + cells[col];
            code = undefined;
          }
          lines[row] = cells.join(',');
          const r = parseCsv(lines.join('\n'));
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r).not.toHaveProperty('data');
          if (code)
            expect(r.problems).toContainEqual(expect.objectContaining({ line: row + 1, column, code }));
          else expect(r.problems).toContainEqual(expect.objectContaining({ line: row + 1 }));
          for (const p of r.problems) expect(p.message).toMatch(/^line \d+|^the |^holds/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: any text is read or refused, never thrown on, and what is read is whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,-e"ab \n\r'.split('')) }), (text) => {
        const r = parseCsv(text);
        if (r.ok) {
          const n = r.data.features.length;
          r.data.samples.forEach((s) => {
            expect(s.input).toHaveLength(n);
            s.input.forEach((v) => expect(Number.isFinite(v)).toBe(true));
          });
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          const lines = text.split(/\r\n|\n|\r/).length;
          r.problems.forEach((p) => {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines);
            expect(p.column).toBeGreaterThanOrEqual(1);
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('data sets in the lesson file', () => {
  const withDataset = (dataset: unknown) => ({ ...lesson004(), dataset });

  it('a CSV data set is read, kept as text and split with its seed', () => {
    const text = 'a,b,c,y1\n0.1,0.2,0.3,p\n0.4,0.5,0.6,q\n0.7,0.8,0.9,p\n1,1,1,q\n0,0,0,p\n';
    const r = parseLesson(withDataset({ kind: 'csv', text, seed: 3 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.dataset).toEqual({ kind: 'csv', text, seed: 3 });
    const s = datasetSplit(r.lesson.dataset!);
    expect(s.train).toHaveLength(4);
    expect(s.validation).toHaveLength(1);
  });

  it('a CSV data set that does not fit the network is refused', () => {
    const r = parseLesson(withDataset({ kind: 'csv', text: 'a,b,y\n1,2,p\n3,4,q' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        path: 'dataset.text',
        code: 'wrongCount',
        params: { what: 'inputs', count: 2, expected: 3 },
      }),
    );
  });

  it('a malformed CSV data set is refused with every problem at dataset.text', () => {
    const r = parseLesson(withDataset({ kind: 'csv', text: 'a,b,c,y\n1,2,z,p\n1,2,3\n' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.message])).toEqual([
      ['dataset.text', 'line 2, column 3: expected a number, found "z"'],
      ['dataset.text', 'line 3, column 4: the row has 3 columns; the header has 4'],
    ]);
  });

  it('built-in sets keep name, seed and noise; old specs without noise still read', () => {
    const spiral = { kind: 'builtin', name: 'spiral', seed: 9, noise: 0.2 };
    const r = parseLesson(withDataset(spiral));
    expect(r.ok && r.lesson.dataset).toEqual(spiral);
    const old = parseLesson(withDataset({ kind: 'builtin', name: 'iris' }));
    expect(old.ok && old.lesson.dataset).toEqual({ kind: 'builtin', name: 'iris' });
    const bad = parseLesson(withDataset({ ...spiral, noise: 5 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: 'dataset.noise', code: 'outOfRange' });
  });
});

describe('built-in splits and noise', () => {
  it('Iris splits as irisSplit with the spec seed, or the default', () => {
    expect(datasetSplit({ kind: 'builtin', name: 'iris', seed: 4 })).toEqual(irisSplit(4));
    expect(datasetSplit({ kind: 'builtin', name: 'iris' }, 7)).toEqual(irisSplit(7));
  });

  it('generated sets: 160 training and 20% validation, noise as given, defaults unchanged', () => {
    const s = datasetSplit({ kind: 'builtin', name: 'circle', seed: 2, noise: 0.1 });
    expect(s.train).toHaveLength(160);
    expect(s.validation).toHaveLength(40);
    expect(builtinSamples('gaussians', 3)).toEqual(builtinSamples('gaussians', 3, DEFAULT_NOISE.gaussians));
    expect(builtinSamples('spiral', 3)).toEqual(builtinSamples('spiral', 3, 0.05));
    // no noise: the circle's points lie exactly in the disc or the ring
    for (const p of builtinSamples('circle', 5, 0)) {
      const r = Math.hypot(p.input[0], p.input[1]);
      if (p.target[0] === 1) expect(r).toBeLessThanOrEqual(1 + 1e-12);
      else expect(r).toBeGreaterThanOrEqual(1.4 - 1e-12);
    }
    // spiral with noise 0 is two exact arms: same radius, opposite points, for each pair
    const arms = builtinSamples('spiral', 5, 0);
    for (let i = 0; i < arms.length; i += 2) {
      expect(arms[i + 1].input[0]).toBeCloseTo(-arms[i].input[0], 12);
      expect(arms[i + 1].input[1]).toBeCloseTo(-arms[i].input[1], 12);
    }
    expect(builtinSamples('spiral', 5, 0.3)).not.toEqual(builtinSamples('spiral', 5, 0.05));
  });
});
