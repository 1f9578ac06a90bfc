import type { BilingualLesson } from '../engine';

/**
 * The widely used 2-2-2 worked example: sigmoid throughout, E = ½Σ(t − o)², η = 0.5, one bias per layer shared by
 * its neurons (b1 = 0.35, b2 = 0.60) and held fixed, so its figures reproduce to the last digit.
 */
export const fixedBiases: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: {
    en: 'Fixed biases: a 2-2-2 step to the last digit',
    'zh-CN': '固定偏置：把 2-2-2 网络的一步算到最后一位',
  },
  notes: {
    en: 'Source: a worked example that many backpropagation tutorials reproduce: two inputs (0.05, 0.10), two sigmoid hidden neurons, two sigmoid outputs with targets 0.01 and 0.99, and eight weights w1 … w8 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55 (w1, w2 into hidden 1; w3, w4 into hidden 2; w5, w6 into output 1; w7, w8 into output 2). Conventions: the loss is E = ½Σ(t − o)², the learning rate is 0.5 and each weight moves by w − η∂E/∂w, every gradient taken from the weights before the update (the hidden weights use the old w5 … w8). Each layer has one bias shared by its neurons, b1 = 0.35 for the hidden layer and b2 = 0.60 for the outputs, and the example holds the biases fixed: they add to the weighted sums but are never updated, so this lesson shows no bias gradients and no bias updates. Run with these conventions, every figure of the example comes out the same to the last printed digit, the total error of about 0.298 first of all. Errata: none found; every number shown is computed, not copied.',
    'zh-CN':
      '出处：许多反向传播教程都会重做的一个算例：两个输入 (0.05, 0.10)，两个 sigmoid 隐藏神经元，两个 sigmoid 输出，目标值为 0.01 和 0.99，八个权重 w1 … w8 = 0.15、0.20、0.25、0.30、0.40、0.45、0.50、0.55（w1、w2 进入隐藏神经元 1，w3、w4 进入隐藏神经元 2，w5、w6 进入输出 1，w7、w8 进入输出 2）。约定：损失为 E = ½Σ(t − o)²，学习率 0.5，每个权重按 w − η∂E/∂w 更新，所有梯度都用更新前的权重计算（隐藏层权重用的是旧的 w5 … w8）。每层只有一个偏置，由该层所有神经元共用：隐藏层 b1 = 0.35，输出层 b2 = 0.60；这个算例把偏置固定不动：它们参与加权和，但从不更新，所以本课没有偏置的梯度，也没有偏置的更新。按这些约定计算，算例中的每个数字都能一位不差地复现，首先就是约 0.298 的总误差。勘误：未发现错误；这里显示的每个数都是算出来的，不是抄来的。',
  },
  layers: [{ size: 2 }, { size: 2, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }],
  loss: 'halfSse',
  learningRate: 0.5,
  useBias: true,
  weights: [
    [
      [0.15, 0.2],
      [0.25, 0.3],
    ],
    [
      [0.4, 0.45],
      [0.5, 0.55],
    ],
  ],
  biases: [
    [0.35, 0.35],
    [0.6, 0.6],
  ],
  sample: { input: [0.05, 0.1], target: [0.01, 0.99] },
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard', fixedBiases: true },
};
