import type { BilingualLesson } from '../engine';

/**
 * Lesson 002, part 1: a 2-3-2-1 sigmoid network with biases, one SGD step on a single sample with true label 1
 * (L = ½(y − ŷ)², η = 0.1). The source's figures were images and are lost; the numbers are ours.
 */
export const lesson002: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'A 2-3-2-1 network, one step by hand', 'zh-CN': '2-3-2-1 网络：手算一步' },
  notes: {
    en: 'Source: part one of the course lesson that derives backpropagation and works one example by hand. Two inputs, hidden layers of three and two neurons, and one output that gives the probability of class 1 in a yes/no problem. Every neuron has a bias and every layer uses the logistic sigmoid (the source allows a different f in each layer; here all three are sigmoid). Layer by layer, z⁽ᵏ⁾ = W⁽ᵏ⁾a⁽ᵏ⁻¹⁾ + b⁽ᵏ⁾ and a⁽ᵏ⁾ = f(z⁽ᵏ⁾). The error term δ⁽ᵏ⁾ = ∂L/∂z⁽ᵏ⁾ is passed backwards by δ⁽ᵏ⁾ = f′(z⁽ᵏ⁾) ⊙ (W⁽ᵏ⁺¹⁾)ᵀδ⁽ᵏ⁺¹⁾, and it gives the gradients directly: ∂L/∂W⁽ᵏ⁾ = δ⁽ᵏ⁾(a⁽ᵏ⁻¹⁾)ᵀ and ∂L/∂b⁽ᵏ⁾ = δ⁽ᵏ⁾. The loss is L = ½(y − ŷ)² with true label y = 1, the learning rate is 0.1, and the update is plain SGD: one sample, one step. The source printed its worked numbers as pictures that no longer load, so the input, weights and biases here are our own choice; the method is unchanged. The source only shows the first hidden layer being updated; here every layer is. Errata: none can be checked, since the printed figures are lost.',
    'zh-CN':
      '出处：课程中推导反向传播并手算一个例子那一课的上篇。两个输入，两个隐藏层分别有三个和两个神经元，一个输出表示二分类中属于类别 1 的概率。每个神经元都有偏置，各层都用 logistic（sigmoid）函数（原课允许每层用不同的 f，这里三层都取 sigmoid）。逐层计算 z⁽ᵏ⁾ = W⁽ᵏ⁾a⁽ᵏ⁻¹⁾ + b⁽ᵏ⁾，a⁽ᵏ⁾ = f(z⁽ᵏ⁾)。误差项 δ⁽ᵏ⁾ = ∂L/∂z⁽ᵏ⁾ 通过 δ⁽ᵏ⁾ = f′(z⁽ᵏ⁾) ⊙ (W⁽ᵏ⁺¹⁾)ᵀδ⁽ᵏ⁺¹⁾ 向后传递，有了它就能直接写出梯度：∂L/∂W⁽ᵏ⁾ = δ⁽ᵏ⁾(a⁽ᵏ⁻¹⁾)ᵀ，∂L/∂b⁽ᵏ⁾ = δ⁽ᵏ⁾。损失为 L = ½(y − ŷ)²，真实标签 y = 1，学习率 0.1，采用最朴素的 SGD：一个样本，走一步。原课的算例数字是以图片形式给出的，如今已无法显示，因此这里的输入、权重和偏置由我们另行选定，算法本身不变。原课只演示了第一隐藏层的参数更新，这里每一层都会更新。勘误：原文印出的数字已经遗失，无从核对。',
  },
  layers: [
    { size: 2 },
    { size: 3, activation: 'sigmoid' },
    { size: 2, activation: 'sigmoid' },
    { size: 1, activation: 'sigmoid' },
  ],
  loss: 'halfSse',
  learningRate: 0.1,
  useBias: true,
  weights: [
    [
      [0.1, 0.2],
      [0.3, -0.4],
      [0.5, 0.6],
    ],
    [
      [0.2, -0.3, 0.4],
      [0.5, 0.1, -0.2],
    ],
    [[0.7, -0.6]],
  ],
  biases: [[0.1, 0.1, 0.1], [0.2, 0.2], [0.3]],
  sample: { input: [1, 0.5], target: [1] },
  batchSize: 1,
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
};
