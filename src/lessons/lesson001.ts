import type { BilingualLesson } from '../engine';

/**
 * Lesson 001: one hidden layer, the chain rule by hand (2 inputs, 3 hidden Φ = tanh, 1 linear output, no biases,
 * E = ½(d − y)², W ← W + α(−∂E/∂W), row vectors). The source has symbols only; the numbers are ours.
 */
export const lesson001: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'One hidden layer: the chain rule by hand', 'zh-CN': '单隐藏层：手推链式法则' },
  notes: {
    en: 'Source: the course lesson that derives backpropagation for one hidden layer with the chain rule. Two inputs, three hidden neurons and one linear output, with no biases. The hidden activation Φ starts as tanh; switch it to sigmoid or ReLU and see how Φ′ changes the step. Vectors are rows here: h′ = xW¹, h = Φ(h′), y = Σᵢ hᵢW²ᵢ, where W¹ᵢⱼ joins input i to hidden neuron j. The loss is E = ½(d − y)², and every weight moves by W ← W + α(−∂E/∂W) with α = 0.5. The source lesson works in symbols only and gives no numbers, so the starting values (x = (1, 0.5), d = 1 and the weights) are small, easy ones we picked so the arithmetic can be followed by hand. The step comes in two parts. First the output weights: ΔW²ᵢ = α(d − y)hᵢ. Then the input weights: ΔW¹ᵢⱼ = α(d − y)W²ⱼΦ′ⱼxᵢ. The chain-rule panel writes ∂E/∂w for any weight as a sum with one term for every path from that weight to the output, the lesson’s “Equation A”. In this net each weight has a single path; add a layer and the sums grow. Errata: none, since the source prints no figures.',
    'zh-CN':
      '出处：课程中用链式法则推导单隐藏层反向传播的一课。两个输入、三个隐藏神经元、一个线性输出，不设偏置。隐藏层激活函数 Φ 默认是 tanh，可以改成 sigmoid 或 ReLU，看看 Φ′ 怎样影响这一步。这里的向量按行书写：h′ = xW¹，h = Φ(h′)，y = Σᵢ hᵢW²ᵢ，其中 W¹ᵢⱼ 连接第 i 个输入和第 j 个隐藏神经元。损失为 E = ½(d − y)²，每个权重按 W ← W + α(−∂E/∂W) 更新，α = 0.5。原课只做符号推导、没有给出任何数字，所以这里的初始值（x = (1, 0.5)、d = 1 以及各个权重）是我们自己挑的小数值，方便动手验算。一步训练分两段：先算输出层权重，ΔW²ᵢ = α(d − y)hᵢ；再算输入层权重，ΔW¹ᵢⱼ = α(d − y)W²ⱼΦ′ⱼxᵢ。链式法则面板把任意权重的 ∂E/∂w 写成求和，从该权重通往输出的每条路径各占一项，也就是原课里的“公式 A”。在这个网络中每个权重只有一条路径；多加一层，求和的项就会变多。勘误：原文没有印出数字，因此没有勘误。',
  },
  layers: [{ size: 2 }, { size: 3, activation: 'tanh' }, { size: 1, activation: 'identity' }],
  loss: 'halfSse',
  learningRate: 0.5,
  useBias: false,
  // weights[0][j][k] is the lesson's W¹_kj (input k → hidden j); weights[1][0][j] is W²_j.
  weights: [
    [
      [0.5, 0.4],
      [-0.3, 0.1],
      [0.2, -0.6],
    ],
    [[0.6, -0.4, 0.3]],
  ],
  biases: [[0, 0, 0], [0]],
  sample: { input: [1, 0.5], target: [1] },
  conventions: { update: 'plusAlpha', vectors: 'row', symbols: 'paths001' },
};
