import { describe, expect, it } from 'vitest';
import {
  createRng,
  initialise,
  parseLesson,
  traceLesson,
  traceStep,
  train,
  type Lesson,
} from '../../src/engine';
import { irisSamples } from '../../src/data';
import { DEFAULT_LESSON, lesson004 as exportedLesson004, PRESETS, presetById } from '../../src/lessons';

// ---------------------------------------------------------------------------------------------------------------
// An independent, deliberately naive oracle: one forward/backward/update pass written with plain loops, returning
// every quantity by value id (z:l:j, a:l:j, fp:l:j, e:j, E, dA:l:j, d:l:j, dW:l:j:k, w+:l:j:k, b+:l:j).
// ---------------------------------------------------------------------------------------------------------------

const F: Record<string, { f: (z: number) => number; df: (z: number) => number }> = {
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2 },
  tanh: { f: (z) => Math.tanh(z), df: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  identity: { f: (z) => z, df: () => 1 },
};

type Naive = { values: Map<string, number>; weights: number[][][]; biases: number[][] };

function naiveStep(lesson: Lesson, sample = lesson.sample): Naive {
  const v = new Map<string, number>();
  const L = lesson.layers.length - 1;
  const act = (l: number) => F[lesson.layers[l].activation!];
  const a: number[][] = [sample.input];
  const z: number[][] = [sample.input];
  for (let l = 1; l <= L; l++) {
    z[l] = [];
    a[l] = [];
    for (let j = 0; j < lesson.layers[l].size; j++) {
      let s = lesson.useBias ? lesson.biases[l - 1][j] : 0;
      for (let k = 0; k < lesson.layers[l - 1].size; k++) s += lesson.weights[l - 1][j][k] * a[l - 1][k];
      z[l][j] = s;
      a[l][j] = act(l).f(s);
      v.set(`z:${l}:${j}`, s);
      v.set(`a:${l}:${j}`, a[l][j]);
      v.set(`fp:${l}:${j}`, act(l).df(s));
    }
  }
  const t = sample.target;
  const scale = lesson.loss === 'halfSse' ? 0.5 : 1;
  if (lesson.loss !== 'halfSse' && lesson.loss !== 'sse')
    throw new Error('the oracle knows halfSse and sse only');
  let E = 0;
  const d: number[][] = [];
  d[L] = [];
  for (let j = 0; j < t.length; j++) {
    const e = scale * (t[j] - a[L][j]) ** 2;
    E += e;
    v.set(`e:${j}`, e);
    const dA = -2 * scale * (t[j] - a[L][j]);
    v.set(`dA:${L}:${j}`, dA);
    d[L][j] = dA * act(L).df(z[L][j]);
  }
  v.set('E', E);
  for (let l = L - 1; l >= 1; l--) {
    d[l] = [];
    for (let j = 0; j < lesson.layers[l].size; j++) {
      let s = 0;
      for (let i = 0; i < lesson.layers[l + 1].size; i++) s += lesson.weights[l][i][j] * d[l + 1][i];
      v.set(`dA:${l}:${j}`, s);
      d[l][j] = s * act(l).df(z[l][j]);
    }
  }
  const eta = lesson.learningRate;
  const weights = lesson.weights.map((W, i) =>
    W.map((row, j) =>
      row.map((w, k) => {
        const g = d[i + 1][j] * a[i][k];
        v.set(`dW:${i + 1}:${j}:${k}`, g);
        v.set(`w+:${i + 1}:${j}:${k}`, w - eta * g);
        return w - eta * g;
      }),
    ),
  );
  const biases = lesson.biases.map((b, i) =>
    b.map((bj, j) => {
      v.set(`d:${i + 1}:${j}`, d[i + 1][j]);
      const trained = lesson.useBias && !lesson.conventions.fixedBiases;
      const next = trained ? bj - eta * d[i + 1][j] : bj;
      if (trained) v.set(`b+:${i + 1}:${j}`, next);
      return next;
    }),
  );
  return { values: v, weights, biases };
}

/** The same quantities read from the engine's trace, by value id. */
function traced(lesson: Lesson): Map<string, number> {
  const r = traceStep(lesson);
  if (!r.ok) throw new Error(`${JSON.stringify(lesson.title)} does not trace`);
  const tr = r.trace;
  const v = new Map<string, number>();
  const L = tr.layers.length - 1;
  tr.lossTerms.forEach((e, j) => v.set(`e:${j}`, e));
  v.set('E', tr.loss);
  for (let l = 1; l <= L; l++) {
    const layer = tr.layers[l];
    layer.z.forEach((x, j) => v.set(`z:${l}:${j}`, x));
    layer.a.forEach((x, j) => v.set(`a:${l}:${j}`, x));
    layer.fPrime.forEach((x, j) => v.set(`fp:${l}:${j}`, x));
    layer.dA.forEach((x, j) => v.set(`dA:${l}:${j}`, x));
    layer.delta.forEach((x, j) => v.set(`d:${l}:${j}`, x));
    layer.dW.forEach((row, j) => row.forEach((x, k) => v.set(`dW:${l}:${j}:${k}`, x)));
    tr.updated.weights[l - 1].forEach((row, j) => row.forEach((x, k) => v.set(`w+:${l}:${j}:${k}`, x)));
    if (lesson.useBias && !lesson.conventions.fixedBiases)
      tr.updated.biases[l - 1].forEach((x, j) => v.set(`b+:${l}:${j}`, x));
  }
  return v;
}

/** How many decimals a printed figure shows ("0.650" → 3, "1.16" → 2). */
function decimalsOf(printed: string): number {
  return (printed.split('.')[1] ?? '').length;
}

/** `computed` rounded to as many decimals as `printed` shows, as text (1.4500000000000002 at "0.62" → "1.45"). */
function atPrintedPrecision(printed: string, computed: number): string {
  return computed.toFixed(decimalsOf(printed));
}

/** Whether the printed figure is the computed value rounded as the source rounded it. */
function agrees(printed: string, computed: number): boolean {
  return atPrintedPrecision(printed, computed) === Number(printed).toFixed(decimalsOf(printed));
}

const CJK = /[\u4e00-\u9fff]/;

// ---------------------------------------------------------------------------------------------------------------
// Every preset
// ---------------------------------------------------------------------------------------------------------------

describe('the preset list', () => {
  it('holds the presets in teaching order, with unique ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual([
      'lesson001',
      'lesson002',
      'lesson003',
      'lesson004',
      'iris',
      'fixedBiases',
      'blank',
    ]);
  });

  it('finds presets by id, and nothing for an unknown id', () => {
    for (const p of PRESETS) expect(presetById(p.id)).toBe(p);
    expect(presetById('lesson005')).toBeUndefined();
  });

  it('opens on lesson 004', () => {
    expect(DEFAULT_LESSON).toBe(exportedLesson004);
    expect(presetById('lesson004')?.lesson).toBe(DEFAULT_LESSON);
  });
});

const EXPECTED_CONVENTIONS: Record<string, Lesson['conventions']> = {
  lesson001: { update: 'plusAlpha', vectors: 'row', symbols: 'paths001' },
  lesson002: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  lesson003: { update: 'minusEta', vectors: 'column', symbols: 'standard', detail: 'layer' },
  lesson004: { update: 'minusEta', vectors: 'column', symbols: 'matrix004', detail: 'layer' },
  iris: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
  fixedBiases: { update: 'minusEta', vectors: 'column', symbols: 'standard', fixedBiases: true },
  blank: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
};

describe.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', (id, preset) => {
  const { lesson } = preset;

  it('survives a JSON round trip through parseLesson unchanged', () => {
    const r = parseLesson(JSON.parse(JSON.stringify(lesson)));
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(r.lesson).toStrictEqual(lesson);
  });

  it('traces, and every traced value matches the naive oracle', () => {
    expect(traceStep(lesson).ok).toBe(true);
    const engine = traced(lesson);
    const oracle = naiveStep(lesson).values;
    expect([...engine.keys()].sort()).toEqual([...oracle.keys()].sort());
    for (const [key, value] of oracle) expect(engine.get(key), key).toBeCloseTo(value, 12);
  });

  it('has a title, notes and a summary in both languages', () => {
    for (const text of [lesson.title, lesson.notes, preset.summary]) {
      expect(text).toBeDefined();
      expect(text!.en.trim()).not.toBe('');
      expect(text!['zh-CN'].trim()).not.toBe('');
      expect(text!.en).not.toMatch(CJK);
      expect(text!['zh-CN']).toMatch(CJK);
    }
  });

  it('states its conventions', () => {
    expect(lesson.conventions).toEqual(EXPECTED_CONVENTIONS[id]);
  });

  it('says in its notes where it comes from and what errata it has, in both languages', () => {
    expect(lesson.notes!.en).toMatch(/^Source: /);
    expect(lesson.notes!.en).toMatch(/Errata: /);
    expect(lesson.notes!['zh-CN']).toMatch(/^出处：/);
    expect(lesson.notes!['zh-CN']).toMatch(/勘误：/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Lesson 001: 2-3-1, tanh hidden, linear output, no biases, E = ½(d − y)², W + α(−∂E/∂W)
// ---------------------------------------------------------------------------------------------------------------

describe('lesson 001', () => {
  const lesson = presetById('lesson001')!.lesson;

  it('is 2-3-1 with a linear output, no biases and the half squared error', () => {
    expect(lesson.layers).toEqual([
      { size: 2 },
      { size: 3, activation: 'tanh' },
      { size: 1, activation: 'identity' },
    ]);
    expect(lesson.useBias).toBe(false);
    expect(lesson.loss).toBe('halfSse');
  });

  it.each(['tanh', 'sigmoid', 'relu'] as const)('with Φ = %s, one step lowers E', (phi) => {
    const l: Lesson = {
      ...lesson,
      layers: [lesson.layers[0], { size: 3, activation: phi }, lesson.layers[2]],
    };
    const before = traceStep(l);
    if (!before.ok) throw new Error('must trace');
    const after = traceStep({ ...l, weights: before.trace.updated.weights });
    if (!after.ok) throw new Error('must trace');
    expect(after.trace.loss).toBeLessThan(before.trace.loss);
  });

  it("moves the weights by the lesson's two formulas", () => {
    // x = (1, 0.5), d = 1, α = 0.5. Hidden sums h′_j = Σ_i x_i W¹_ij:
    //   h′ = (0.5 + 0.2, −0.3 + 0.05, 0.2 − 0.3) = (0.7, −0.25, −0.1)
    //   h = tanh(h′) ≈ (0.60437, −0.24492, −0.09967)
    //   y = 0.6·0.60437 − 0.4·(−0.24492) + 0.3·(−0.09967) ≈ 0.43069;  E = ½(1 − 0.43069)² ≈ 0.16206
    const x = lesson.sample.input;
    const d = lesson.sample.target[0];
    const alpha = lesson.learningRate;
    const W2 = lesson.weights[1][0];
    const hp = [0, 1, 2].map((j) => x[0] * lesson.weights[0][j][0] + x[1] * lesson.weights[0][j][1]);
    expect(hp[0]).toBeCloseTo(0.7, 14);
    expect(hp[1]).toBeCloseTo(-0.25, 14);
    expect(hp[2]).toBeCloseTo(-0.1, 14);
    const h = hp.map(Math.tanh);
    const y = h[0] * W2[0] + h[1] * W2[1] + h[2] * W2[2];
    expect(y).toBeCloseTo(0.43069, 5);
    expect(0.5 * (d - y) ** 2).toBeCloseTo(0.16206, 5);

    const r = traceStep(lesson);
    if (!r.ok) throw new Error('must trace');
    const updated = r.trace.updated.weights;
    // Step 1, output weights: ΔW²_i = α(d − y)h_i
    for (let i = 0; i < 3; i++) expect(updated[1][0][i]).toBeCloseTo(W2[i] + alpha * (d - y) * h[i], 12);
    // Step 2, input weights: ΔW¹_ij = α(d − y)W²_j Φ′_j x_i, with Φ′ = 1 − tanh²; stored at weights[0][j][i]
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        const delta = alpha * (d - y) * W2[j] * (1 - h[j] ** 2) * x[i];
        expect(updated[0][j][i]).toBeCloseTo(lesson.weights[0][j][i] + delta, 12);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Lesson 002 (part 1) and the Iris project (part 2)
// ---------------------------------------------------------------------------------------------------------------

describe('lesson 002, part 1', () => {
  const lesson = presetById('lesson002')!.lesson;

  it('is 2-3-2-1, sigmoid everywhere, with biases, ½(y − ŷ)², label 1, η = 0.1, SGD', () => {
    expect(lesson.layers.map((l) => l.size)).toEqual([2, 3, 2, 1]);
    expect(lesson.layers.slice(1).every((l) => l.activation === 'sigmoid')).toBe(true);
    expect(lesson.useBias).toBe(true);
    expect(lesson.loss).toBe('halfSse');
    expect(lesson.sample.target).toEqual([1]);
    expect(lesson.learningRate).toBe(0.1);
    expect(lesson.batchSize ?? 1).toBe(1);
  });

  it('nudges the output towards the label', () => {
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('must trace');
    const after = traceStep({ ...lesson, weights: r.trace.updated.weights, biases: r.trace.updated.biases });
    if (!after.ok) throw new Error('must trace');
    expect(after.trace.layers[3].a[0]).toBeGreaterThan(r.trace.layers[3].a[0]);
  });
});

describe('the Iris project', () => {
  const lesson = presetById('iris')!.lesson;

  it('is 4-5-3, sigmoid with biases, ½Σ(t − o)², η = 0.2, on the built-in Iris data', () => {
    expect(lesson.layers).toEqual([
      { size: 4 },
      { size: 5, activation: 'sigmoid' },
      { size: 3, activation: 'sigmoid' },
    ]);
    expect(lesson.useBias).toBe(true);
    expect(lesson.loss).toBe('halfSse');
    expect(lesson.learningRate).toBe(0.2);
    expect(lesson.dataset).toEqual({ kind: 'builtin', name: 'iris' });
  });

  it('starts from uniform [0, 1) weights drawn from its own seed', () => {
    expect(lesson.seed).toBeTypeOf('number');
    const start = initialise([4, 5, 3], { kind: 'uniform01' }, createRng(lesson.seed!), true);
    expect(lesson.weights).toEqual(start.weights);
    expect(lesson.biases).toEqual(start.biases);
    const all = [...lesson.weights.flat(2), ...lesson.biases.flat()];
    expect(all.every((w) => w >= 0 && w < 1)).toBe(true);
  });

  it('traces the first (scaled) Iris row, a setosa', () => {
    expect(lesson.sample).toEqual(irisSamples()[0]);
    expect(lesson.sample.target).toEqual([1, 0, 0]);
  });

  it('says it is one SGD step on one sample, not a trained classifier', () => {
    const preset = presetById('iris')!;
    for (const text of [lesson.title!.en, preset.summary.en]) {
      expect(text).toMatch(/one SGD step/i);
      expect(text).not.toMatch(/\btrain/i);
    }
    expect(lesson.notes!.en).toMatch(/one SGD step of that 4-5-3 network on a single flower/);
    expect(lesson.notes!.en).toMatch(/it does not train the classifier/);
    expect(lesson.notes!.en).toMatch(/300 epochs/);
    expect(lesson.title!['zh-CN']).toMatch(/一步 SGD/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Lesson 003: BP1–BP4 and the averaged mini-batch update
// ---------------------------------------------------------------------------------------------------------------

describe('lesson 003', () => {
  const lesson = presetById('lesson003')!.lesson;
  const samples = lesson.dataset?.kind === 'inline' ? lesson.dataset.samples : [];

  it('has a batch of 3 inline samples, batch size 3, and traces the first of them', () => {
    expect(samples).toHaveLength(3);
    expect(lesson.batchSize).toBe(3);
    expect(lesson.sample).toEqual(samples[0]);
    expect(lesson.layers.length).toBe(3);
    expect(lesson.useBias).toBe(true);
  });

  it('takes its step by W − η·mean of the three per-sample gradients, biases likewise', () => {
    const r = traceLesson(lesson);
    if (!r.ok || !r.trace.batch) throw new Error('lesson 003 does not trace as a batch');
    expect(r.trace.batch.samples).toEqual(samples);
    // independently: each sample's gradient from the naive oracle, averaged here, then one step of η
    const single = samples.map((s) => naiveStep(lesson, s).values);
    const eta = lesson.learningRate;
    lesson.weights.forEach((W, i) =>
      W.forEach((row, j) =>
        row.forEach((w, k) => {
          const mean = single.reduce((sum, v) => sum + v.get(`dW:${i + 1}:${j}:${k}`)!, 0) / 3;
          expect(r.trace.batch!.dW[i][j][k]).toBeCloseTo(mean, 14);
          expect(r.trace.updated.weights[i][j][k]).toBeCloseTo(w - eta * mean, 14);
          // not the first sample's own step
          const first = single[0].get(`w+:${i + 1}:${j}:${k}`)!;
          expect(Math.abs(r.trace.updated.weights[i][j][k] - first)).toBeGreaterThan(1e-6);
        }),
      ),
    );
    lesson.biases.forEach((b, i) =>
      b.forEach((bj, j) => {
        const mean = single.reduce((sum, v) => sum + v.get(`d:${i + 1}:${j}`)!, 0) / 3;
        expect(r.trace.updated.biases[i][j]).toBeCloseTo(bj - eta * mean, 14);
      }),
    );
    const meanLoss = single.reduce((sum, v) => sum + v.get('E')!, 0) / 3;
    expect(r.trace.batch.loss).toBeCloseTo(meanLoss, 14);
  });

  it('trains by w → w − (η/m) Σ_x δ^{x,l} (a^{x,l−1})ᵀ over the batch', () => {
    const result = train(lesson, { train: samples }, { epochs: 1, shuffle: false });
    expect(result.condition).toBeNull();
    expect(result.steps).toBe(1);
    // The oracle: each sample's own step moves w by −η·g_x, so the averaged step is the mean of those moves.
    const single = samples.map((s) => naiveStep(lesson, s));
    lesson.weights.forEach((W, l) =>
      W.forEach((row, j) =>
        row.forEach((w, k) => {
          const mean = single.reduce((sum, n) => sum + n.weights[l][j][k], 0) / samples.length;
          expect(result.weights[l][j][k]).toBeCloseTo(mean, 12);
          expect(result.weights[l][j][k]).not.toBeCloseTo(w, 6);
        }),
      ),
    );
    lesson.biases.forEach((b, l) =>
      b.forEach((_bj, j) => {
        const mean = single.reduce((sum, n) => sum + n.biases[l][j], 0) / samples.length;
        expect(result.biases[l][j]).toBeCloseTo(mean, 12);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Lesson 004: the figures the source printed, checked against values worked here
// ---------------------------------------------------------------------------------------------------------------

describe("lesson 004's published figures", () => {
  const lesson = presetById('lesson004')!.lesson;
  const published = lesson.published ?? {};
  const truth = naiveStep(lesson).values;

  // Worked by hand (σ(z) = 1/(1 + e^−z)):
  //   X_hidden = (0.9·0.9 + 0.3·0.1 + 0.4·0.8, 0.2·0.9 + 0.8·0.1 + 0.2·0.8, 0.8·0.9 + 0.1·0.1 + 0.9·0.8)
  //            = (1.16, 0.42, 1.45)                                   printed 1.16, 0.42, 0.62 ← the slip
  //   O_hidden ≈ (0.76133, 0.60348, 0.81000)                          printed 0.761, 0.603, 0.650
  //   X_output ≈ (1.05584, 0.92054), O_output ≈ (0.74189, 0.71515)    printed 0.975, 0.888 and 0.726, 0.708
  //   E1 ≈ 0.535669, E2 ≈ 0.075541, E ≈ 0.611210                      printed 0.512656, 0.079524, 0.59218
  //   ∂E/∂O1 = −2(0.01 − 0.74189) ≈ 1.46379, O1(1 − O1) ≈ 0.191487    printed 1.432, 0.198924
  //   δ_out ≈ (0.280297, −0.111978)                                   printed 0.285853788, −0.116599104
  //   ∂E/∂w(hidden 1 → output 1) ≈ 0.280297·0.76133 ≈ 0.213399        printed 0.216777826848
  //   its new value ≈ 0.3 − 0.5·0.213399 ≈ 0.193300                   printed 0.191611086576
  //   ∂E/∂O_hidden1 = 0.3·0.280297 + 0.6·(−0.111978) ≈ 0.016902       printed 0.0624363156 (also uses 0.2 for 0.6)
  //   O_h1(1 − O_h1) ≈ 0.181705                                       printed 0.181879 (from the rounded 0.761)
  //   ∂E/∂w(input 1 → hidden 1) ≈ 0.016902·0.181705·0.9 ≈ 0.0027641   printed 0.01022026918051116
  //   its new value ≈ 0.9 − 0.5·0.0027641 ≈ 0.898618                  printed 0.89488986540974442
  const RIGHT = ['z:1:0', 'z:1:1', 'a:1:0', 'a:1:1'];
  const WRONG = [
    'z:1:2',
    'a:1:2',
    'z:2:0',
    'z:2:1',
    'a:2:0',
    'a:2:1',
    'e:0',
    'e:1',
    'E',
    'dA:2:0',
    'fp:2:0',
    'dW:2:0:0',
    'w+:2:0:0',
    'd:2:0',
    'd:2:1',
    'dA:1:0',
    'fp:1:0',
    'dW:1:0:0',
    'w+:1:0:0',
  ];

  it('the hand-worked values agree with the oracle', () => {
    expect(truth.get('z:1:2')).toBeCloseTo(1.45, 14);
    expect(truth.get('a:1:2')).toBeCloseTo(0.81, 5);
    expect(truth.get('z:2:0')).toBeCloseTo(1.05584, 5);
    expect(truth.get('a:2:1')).toBeCloseTo(0.71515, 5);
    expect(truth.get('E')).toBeCloseTo(0.61121, 5);
    expect(truth.get('dA:2:0')).toBeCloseTo(1.46379, 5);
    expect(truth.get('d:2:0')).toBeCloseTo(0.280297, 6);
    expect(truth.get('d:2:1')).toBeCloseTo(-0.111978, 6);
    expect(truth.get('dW:2:0:0')).toBeCloseTo(0.213399, 6);
    expect(truth.get('w+:2:0:0')).toBeCloseTo(0.1933, 4);
    expect(truth.get('dA:1:0')).toBeCloseTo(0.016902, 6);
    expect(truth.get('fp:1:0')).toBeCloseTo(0.181705, 6);
    expect(truth.get('dW:1:0:0')).toBeCloseTo(0.0027641, 7);
    expect(truth.get('w+:1:0:0')).toBeCloseTo(0.898618, 6);
  });

  it('records exactly these figures, each for a value the step computes', () => {
    expect(Object.keys(published).sort()).toEqual([...RIGHT, ...WRONG].sort());
    for (const id of Object.keys(published)) expect(truth.has(id), id).toBe(true);
  });

  it("maps the source's w_{from,to} to our w:l:to:from", () => {
    // The source's w_{3,2} = 0.2 joins hidden 3 to output 2; w_{2,2} = 0.8 joins input 2 to hidden 2.
    expect(lesson.weights[1][1][2]).toBe(0.2);
    expect(lesson.weights[0][1][1]).toBe(0.8);
    // Its ∂E/∂w_{1,1} for the output layer is δ_out1 · O_hidden1: our dW:2:0:0.
    expect(truth.get('dW:2:0:0')).toBeCloseTo(truth.get('d:2:0')! * truth.get('a:1:0')!, 15);
  });

  it('figures that are right agree at the printed precision', () => {
    for (const id of RIGHT) expect(agrees(published[id], truth.get(id)!), id).toBe(true);
    expect(published['z:1:0']).toBe('1.16');
    expect(atPrintedPrecision('1.16', truth.get('z:1:0')!)).toBe('1.16');
  });

  it('the known slips are detected', () => {
    for (const id of WRONG) expect(agrees(published[id], truth.get(id)!), id).toBe(false);
    expect(published['z:1:2']).toBe('0.62');
    expect(atPrintedPrecision('0.62', truth.get('z:1:2')!)).toBe('1.45');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The well-known 2-2-2 worked example with fixed biases, reproduced to the last digit
// ---------------------------------------------------------------------------------------------------------------

describe('the 2-2-2 example with fixed biases', () => {
  const lesson = presetById('fixedBiases')!.lesson;
  // worked here from scratch with the example's own names: i1, i2; h1, h2; o1, o2; w1 … w8; b1, b2
  const s = (x: number) => 1 / (1 + Math.exp(-x));
  const [i1, i2] = [0.05, 0.1];
  const [t1, t2] = [0.01, 0.99];
  const [w1, w2, w3, w4, w5, w6, w7, w8] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55];
  const [b1, b2] = [0.35, 0.6];
  const eta = 0.5;
  const h1 = s(w1 * i1 + w2 * i2 + b1);
  const h2 = s(w3 * i1 + w4 * i2 + b1);
  const o1 = s(w5 * h1 + w6 * h2 + b2);
  const o2 = s(w7 * h1 + w8 * h2 + b2);
  const total = 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2;
  const d1 = (o1 - t1) * o1 * (1 - o1);
  const d2 = (o2 - t2) * o2 * (1 - o2);
  const dh1 = (d1 * w5 + d2 * w7) * h1 * (1 - h1);
  const dh2 = (d1 * w6 + d2 * w8) * h2 * (1 - h2);
  const expected = {
    w1: w1 - eta * dh1 * i1,
    w2: w2 - eta * dh1 * i2,
    w3: w3 - eta * dh2 * i1,
    w4: w4 - eta * dh2 * i2,
    w5: w5 - eta * d1 * h1,
    w6: w6 - eta * d1 * h2,
    w7: w7 - eta * d2 * h1,
    w8: w8 - eta * d2 * h2,
  };

  it('is the example: 2-2-2 sigmoid, ½Σ(t − o)², η = 0.5, biases 0.35 and 0.60 held fixed', () => {
    expect(lesson.layers.map((l) => l.size)).toEqual([2, 2, 2]);
    expect(lesson.loss).toBe('halfSse');
    expect(lesson.learningRate).toBe(eta);
    expect(lesson.biases).toEqual([
      [b1, b1],
      [b2, b2],
    ]);
    expect(lesson.conventions.fixedBiases).toBe(true);
    expect(lesson.title!.en).not.toMatch(/Mazur/i);
  });

  it('reproduces the total error and every updated weight, and leaves the biases alone', () => {
    // the figures the example is known by, to the digits it prints them
    expect(total.toFixed(9)).toBe('0.298371109');
    expect(expected.w5.toFixed(8)).toBe('0.35891648');
    expect(expected.w1.toFixed(9)).toBe('0.149780716');
    const r = traceStep(lesson);
    if (!r.ok) throw new Error('does not trace');
    expect(r.trace.loss).toBeCloseTo(total, 15);
    const W = r.trace.updated.weights;
    const got = {
      w1: W[0][0][0],
      w2: W[0][0][1],
      w3: W[0][1][0],
      w4: W[0][1][1],
      w5: W[1][0][0],
      w6: W[1][0][1],
      w7: W[1][1][0],
      w8: W[1][1][1],
    };
    for (const [name, value] of Object.entries(expected))
      expect(got[name as keyof typeof got], name).toBeCloseTo(value, 15);
    expect(r.trace.updated.biases).toEqual(lesson.biases);
  });
});
