import { createRequire } from 'node:module';
import synaptic from 'synaptic';
import brain from 'brain.js';
import convnetjs from 'convnetjs';
import * as tf from '@tensorflow/tfjs';
import type { Runner, Workload } from './workloads';

/** A library driven through its own single-sample SGD primitive, from the workload's initial weights. */
export interface Adapter {
  name: string;
  /** npm package whose installed version is reported. */
  pkg: string;
  setup(w: Workload): Runner;
}

const require = createRequire(import.meta.url);
export const versionOf = (pkg: string): string =>
  (require(`${pkg}/package.json`) as { version: string }).version;

/** Calls `fn(i)` for `steps` consecutive sample indices, carrying the position over between calls. */
function cycler(n: number): (steps: number, fn: (i: number) => void) => void {
  let cursor = 0;
  return (steps, fn) => {
    for (let s = 0; s < steps; s++) {
      fn(cursor);
      if (++cursor === n) cursor = 0;
    }
  };
}

/** synaptic: Architect.Perceptron (logistic neurons), `activate` then `propagate(rate, target)`. */
const synapticAdapter: Adapter = {
  name: 'synaptic',
  pkg: 'synaptic',
  setup(w) {
    const net = new synaptic.Architect.Perceptron(...w.sizes);
    const layers = [net.layers.input, ...net.layers.hidden, net.layers.output];
    // Set weights before the first activate: synaptic compiles ("optimizes") the network then.
    for (let l = 1; l < layers.length; l++) {
      layers[l].list.forEach((neuron, j) => {
        neuron.bias = w.init.biases[l - 1][j];
        for (const c of Object.values(neuron.connections.inputs)) {
          c.weight = w.init.weights[l - 1][j][layers[l - 1].list.indexOf(c.from)];
        }
      });
    }
    const { inputs: X, targets: T } = w.data;
    const each = cycler(X.length);
    return {
      run: (steps) =>
        each(steps, (i) => {
          net.activate(X[i]);
          net.propagate(w.learningRate, T[i]);
        }),
      predict: (x) => Array.from(net.activate(x)),
    };
  },
};

/** brain.js 1.x: NeuralNetwork (sigmoid), one `trainPattern` per step (as `train` per sample), momentum 0. */
const brainAdapter: Adapter = {
  name: 'brain.js',
  pkg: 'brain.js',
  setup(w) {
    const net = new brain.NeuralNetwork({ activation: 'sigmoid', learningRate: w.learningRate });
    net.sizes = w.sizes.slice();
    net.initialize();
    net.trainOpts.momentum = 0; // the option validator rejects 0, so set it after construction
    w.init.weights.forEach((m, l) => m.forEach((row, j) => (net.weights[l + 1][j] = Float32Array.from(row))));
    w.init.biases.forEach((b, l) => (net.biases[l + 1] = Float32Array.from(b)));
    // As `train` does: formatData turns array samples into Float32Arrays.
    const samples = net.formatData(w.data.inputs.map((input, i) => ({ input, output: w.data.targets[i] })));
    const each = cycler(samples.length);
    return {
      run: (steps) => each(steps, (i) => net.trainPattern(samples[i])),
      predict: (x) => Array.from(net.run(x)),
    };
  },
};

/** convnetjs: fc → sigmoid layers, then a regression layer (½Σ(y−t)²); Trainer 'sgd', batch 1, plain. */
const convnetAdapter: Adapter = {
  name: 'convnetjs',
  pkg: 'convnetjs',
  setup(w) {
    const { sizes } = w;
    const shape = (n: number) => ({ in_sx: 1, in_sy: 1, in_depth: n });
    // Built by hand: the `regression` layer definition would insert an extra linear fc layer before itself.
    const fcs = sizes
      .slice(1)
      .map((n, l) => new convnetjs.FullyConnLayer({ ...shape(sizes[l]), num_neurons: n }));
    const net = new convnetjs.Net();
    net.layers = [
      new convnetjs.InputLayer({ out_sx: 1, out_sy: 1, out_depth: sizes[0] }),
      ...fcs.flatMap((fc, l) => [fc, new convnetjs.SigmoidLayer(shape(sizes[l + 1]))]),
      new convnetjs.RegressionLayer(shape(sizes[sizes.length - 1])),
    ];
    fcs.forEach((fc, l) => {
      w.init.weights[l].forEach((row, j) => fc.filters[j].w.set(row));
      fc.biases.w.set(w.init.biases[l]);
    });
    const trainer = new convnetjs.Trainer(net, {
      method: 'sgd',
      learning_rate: w.learningRate,
      momentum: 0,
      batch_size: 1,
      l1_decay: 0,
      l2_decay: 0,
    });
    const X = w.data.inputs.map((r) => new convnetjs.Vol(r.slice()));
    const T = w.data.targets;
    const each = cycler(X.length);
    return {
      run: (steps) => each(steps, (i) => trainer.train(X[i], T[i])),
      predict: (x) => Array.from(net.forward(new convnetjs.Vol(x.slice())).w),
    };
  },
};

/** TensorFlow.js with its CPU backend: weight variables, tf.train.sgd, one `minimize` per sample. */
const tfjsAdapter: Adapter = {
  name: 'TensorFlow.js (CPU)',
  pkg: '@tensorflow/tfjs',
  setup(w) {
    tf.enableProdMode(); // only silences warnings (the "install tfjs-node" hint)
    void tf.setBackend('cpu'); // the CPU backend initialises synchronously; checked below
    if (tf.getBackend() !== 'cpu') throw new Error(`tfjs backend is ${tf.getBackend()}, not cpu`);
    // Weight matrices as [in, out] so a row input x[1, in] goes through x·W + b.
    const W = w.init.weights.map((m) => tf.tidy(() => tf.variable(tf.transpose(tf.tensor2d(m)))));
    const B = w.init.biases.map((b) => tf.tidy(() => tf.variable(tf.tensor1d(b))));
    const X = w.data.inputs.map((r) => tf.tensor2d([r]));
    const T = w.data.targets.map((r) => tf.tensor2d([r]));
    const forward = (x: tf.Tensor) => W.reduce((a, wl, l) => tf.sigmoid(tf.add(tf.matMul(a, wl), B[l])), x);
    const optimizer = tf.train.sgd(w.learningRate);
    const each = cycler(X.length);
    return {
      run: (steps) =>
        each(steps, (i) =>
          optimizer.minimize(() => tf.mul(0.5, tf.sum(tf.square(tf.sub(T[i], forward(X[i])))))),
        ),
      predict: (x) => tf.tidy(() => Array.from(forward(tf.tensor2d([x])).dataSync())),
      dispose: () => {
        tf.dispose([...W, ...B, ...X, ...T]);
        optimizer.dispose();
      },
    };
  },
};

export const adapters: Adapter[] = [synapticAdapter, brainAdapter, convnetAdapter, tfjsAdapter];
