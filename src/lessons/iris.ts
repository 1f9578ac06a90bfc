import { createRng, initialise, type BilingualLesson } from '../engine';
import { irisSamples } from '../data';

/** Seed of the uniform [0, 1) initial weights (and of the shuffles when training). */
const IRIS_SEED = 1;
const sizes = [4, 5, 3];
const start = initialise(sizes, { kind: 'uniform01' }, createRng(IRIS_SEED), true);
const [firstFlower] = irisSamples();

/**
 * Lesson 002, part 2: the Iris classifier from scratch, shown as one SGD step on one flower. 4-5-3, sigmoid with
 * biases, ½Σ(t − o)², η = 0.2, weights and biases uniform in [0, 1) from the lesson's seed. The training the source
 * describes (300 epochs of SGD on 130 rows, validated on 20) is told in the notes, not run here.
 */
export const iris: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: {
    en: 'Iris: one SGD step of a 4-5-3 classifier',
    'zh-CN': '鸢尾花：4-5-3 分类器的一步 SGD',
  },
  notes: {
    en: 'Source: part two of the course lesson that builds an Iris classifier without a framework. What this lesson shows: one SGD step of that 4-5-3 network on a single flower, the first in the file (a setosa), from the starting weights; it does not train the classifier. The network is 4-5-3 with sigmoid neurons and biases throughout; every weight and bias starts as a uniform draw from [0, 1), made from the seed saved with this lesson. The loss is E = ½Σ(t − o)² with a one-hot target (a 1 for the right species, 0 for the other two), and η = 0.2. The source writes the output error as (t − o)·o(1 − o) and the hidden error as (Σₖ wₖⱼδₖ)·oⱼ(1 − oⱼ), then adds η·error·input to each weight; its error is minus our δ = ∂E/∂z, so adding there is the same move as subtracting here. The training the source goes on to do: the Iris data has 150 flowers, 50 from each of three species (setosa, versicolor, virginica), each with four measurements (sepal length and width, petal length and width); each measurement is rescaled to [0, 1] by its column’s smallest and largest value, the rows are shuffled, 130 train and 20 are held back for validation; SGD takes one flower per update for 300 epochs, validation accuracy is recorded after every epoch, and the predicted species is the largest output (arg-max). Errata: none; the source prints no figures for the step.',
    'zh-CN':
      '出处：课程中不借助框架、从零实现鸢尾花分类器那一课的下篇。本课展示的内容：这个 4-5-3 网络从初始权重出发，在一朵花（数据文件中的第一朵，属于山鸢尾）上走的一步 SGD；它并不训练整个分类器。网络结构为 4-5-3，所有神经元都用 sigmoid 并带偏置；每个权重和偏置的初值都从 [0, 1) 均匀抽取，随机数由本课保存的种子生成。损失为 E = ½Σ(t − o)²，目标采用独热编码（正确的品种为 1，另外两个为 0），η = 0.2。原文把输出层误差写成 (t − o)·o(1 − o)，隐藏层误差写成 (Σₖ wₖⱼδₖ)·oⱼ(1 − oⱼ)，再给每个权重加上 η·误差·输入；它的误差正好是这里 δ = ∂E/∂z 的相反数，所以那里的“加”和这里的“减”是同一步。原文接下来的训练过程：鸢尾花数据集共 150 朵花，三个品种（山鸢尾 setosa、变色鸢尾 versicolor、维吉尼亚鸢尾 virginica）各 50 朵，每朵有四个测量值（花萼长、花萼宽、花瓣长、花瓣宽）；每个测量值按所在列的最小值和最大值缩放到 [0, 1]，打乱顺序后取 130 行训练、20 行留作验证；SGD 每次用一朵花更新一次，共 300 轮，每轮结束后记录验证准确率，预测的品种取输出值最大的那一个（arg-max）。勘误：原文没有印出这一步的数字，因此没有勘误。',
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
