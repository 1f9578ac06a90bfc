import { createRng, initialise, type Lesson } from '../engine';
import { irisSamples } from '../data';

/** Seed of the uniform [0, 1) initial weights (and of the shuffles when training). */
const IRIS_SEED = 1;
const sizes = [4, 5, 3];
const start = initialise(sizes, { kind: 'uniform01' }, createRng(IRIS_SEED), true);
const [firstFlower] = irisSamples();

/**
 * Lesson 002, part 2: the Iris project from scratch. 4-5-3, sigmoid with biases, ½Σ(t − o)², η = 0.2, weights and
 * biases uniform in [0, 1) from the lesson's seed, SGD for 300 epochs on 130 rows, validated on 20.
 */
export const iris: Lesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'Iris from scratch: a 4-5-3 classifier', 'zh-CN': '从零实现：4-5-3 鸢尾花分类器' },
  notes: {
    en: 'The Iris data has 150 flowers, 50 from each of three species (setosa, versicolor, virginica), each described by four measurements: sepal length and width, petal length and width. Each measurement is rescaled to [0, 1] using its column’s smallest and largest value; the rows are then shuffled, 130 are used for training and the other 20 are held back for validation. The network is 4-5-3 with sigmoid neurons and biases throughout. Every weight and bias starts as a uniform draw from [0, 1), made from the seed saved with this lesson, so each run starts from the same place. The target is one-hot (a 1 for the right species, 0 for the other two). The source writes the output error as (t − o)·o(1 − o) and the hidden error as (Σₖ wₖⱼδₖ)·oⱼ(1 − oⱼ), then adds η·error·input to each weight; its error is minus our δ = ∂E/∂z for E = ½Σ(t − o)², so adding there is the same move as subtracting here. Training is SGD, one flower per update, η = 0.2, for 300 epochs, and validation accuracy is recorded after every epoch. The predicted species is the output with the largest value (arg-max). The worked step uses the first flower in the file, a setosa.',
    'zh-CN':
      '鸢尾花数据集共 150 朵花，三个品种（山鸢尾 setosa、变色鸢尾 versicolor、维吉尼亚鸢尾 virginica）各 50 朵，每朵用四个测量值描述：花萼长、花萼宽、花瓣长、花瓣宽。每个测量值按所在列的最小值和最大值缩放到 [0, 1]；随后打乱顺序，取 130 行训练，余下 20 行留作验证。网络结构为 4-5-3，所有神经元都用 sigmoid 并带偏置。每个权重和偏置的初值都从 [0, 1) 均匀抽取，随机数由本课保存的种子生成，所以每次运行的起点都相同。目标采用独热编码（正确的品种为 1，另外两个为 0）。原文把输出层误差写成 (t − o)·o(1 − o)，隐藏层误差写成 (Σₖ wₖⱼδₖ)·oⱼ(1 − oⱼ)，再给每个权重加上 η·误差·输入；对 E = ½Σ(t − o)² 而言，它的误差正好是这里 δ = ∂E/∂z 的相反数，所以那里的“加”和这里的“减”是同一步。训练用 SGD，每个样本更新一次，η = 0.2，共 300 轮，每轮结束后记录验证准确率。预测的品种取输出值最大的那一个（arg-max）。逐步演示用的是数据文件中的第一朵花，属于山鸢尾。',
  },
  layers: [{ size: 4 }, { size: 5, activation: 'sigmoid' }, { size: 3, activation: 'sigmoid' }],
  loss: 'halfSse',
  learningRate: 0.2,
  useBias: true,
  weights: start.weights,
  biases: start.biases,
  sample: firstFlower,
  dataset: { kind: 'builtin', name: 'iris' },
  batchSize: 1,
  seed: IRIS_SEED,
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
};
