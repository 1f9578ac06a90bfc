import type { BilingualLesson } from '../engine';

/** "Build your own": a small 2-2-1 sigmoid network with biases and gentle weights, ½Σ(t − a)², η = 0.5. */
export const blank: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'Build your own', 'zh-CN': '自己动手搭一个' },
  notes: {
    en: 'Source: none; this lesson is a blank page of our own. A small place to start: two inputs, two hidden neurons and one output, all sigmoid with biases, and small starting weights so nothing saturates. The loss is E = ½Σ(t − a)², the learning rate is 0.5, and the formulas use the standard symbols (z, a, δ, W, b, η). Change the layers, activations, loss, weights or the sample, and the whole step is worked out again. The four XOR patterns come with it as a data set to train on; from these weights the net learns them in roughly 1,200 epochs. Errata: none, as there is no source to differ from.',
    'zh-CN':
      '出处：无，这是我们自己准备的一张白纸。一个小小的起点：两个输入、两个隐藏神经元、一个输出，全部是带偏置的 sigmoid，初始权重都很小，不会一开始就饱和。损失为 E = ½Σ(t − a)²，学习率 0.5，公式采用标准符号（z、a、δ、W、b、η）。无论改动层数、激活函数、损失、权重还是样本，整步计算都会重新推一遍。另附异或（XOR）的四组样本，可以直接拿来训练；从这组初始权重出发，大约 1200 轮就能学会。勘误：没有出处可供对照，因此没有勘误。',
  },
  layers: [{ size: 2 }, { size: 2, activation: 'sigmoid' }, { size: 1, activation: 'sigmoid' }],
  loss: 'halfSse',
  learningRate: 0.5,
  useBias: true,
  weights: [
    [
      [0.4, -0.3],
      [-0.2, 0.5],
    ],
    [[0.3, 0.2]],
  ],
  biases: [[0.1, -0.1], [0]],
  sample: { input: [1, 0], target: [1] },
  dataset: { kind: 'builtin', name: 'xor' },
  seed: 1,
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
};
