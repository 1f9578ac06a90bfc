import type { Lesson, Sample } from '../engine';

/** The mini-batch of m = 3 samples the averaged update runs over. */
const batch: Sample[] = [
  { input: [0.9, 0.1], target: [1, 0] },
  { input: [0.2, 0.8], target: [0, 1] },
  { input: [0.6, 0.5], target: [1, 0] },
];

/**
 * Lesson 003: the four equations BP1–BP4 in matrix form on a 2-3-2 sigmoid network with biases, C = ½‖y − aᴸ‖²,
 * and the mini-batch update w → w − (η/m) Σₓ δ^{x,l} (a^{x,l−1})ᵀ over m = 3 samples. The numbers are ours.
 */
export const lesson003: Lesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'The four equations BP1–BP4', 'zh-CN': '反向传播的四个方程 BP1–BP4' },
  notes: {
    en: 'Input, hidden and output layers of 2, 3 and 2 sigmoid neurons with biases; wˡⱼₖ joins neuron k of layer l − 1 to neuron j of layer l. For one sample the quadratic cost is C = ½‖y − aᴸ‖², and the error of neuron j in layer l is δˡⱼ = ∂C/∂zˡⱼ. Four equations do all the work (⊙ multiplies element by element): BP1 δᴸ = ∇ₐC ⊙ σ′(zᴸ) at the output; BP2 δˡ = ((wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ) for each layer further back; BP3 ∂C/∂bˡⱼ = δˡⱼ; BP4 ∂C/∂wˡⱼₖ = aˡ⁻¹ₖδˡⱼ. The worked step follows the first sample. Training takes the whole mini-batch of m = 3 samples, runs the forward pass and BP1–BP4 on each, and then moves once by the average: wˡ → wˡ − (η/m) Σₓ δˡ(x) aˡ⁻¹(x)ᵀ and bˡ → bˡ − (η/m) Σₓ δˡ(x), with η = 0.5. The source gives no numbers, so the samples, weights and biases are ours.',
    'zh-CN':
      '输入层、隐藏层、输出层分别有 2、3、2 个带偏置的 sigmoid 神经元；wˡⱼₖ 表示从第 l − 1 层第 k 个神经元连到第 l 层第 j 个神经元的权重。对单个样本，二次代价为 C = ½‖y − aᴸ‖²，第 l 层第 j 个神经元的误差定义为 δˡⱼ = ∂C/∂zˡⱼ。全部计算都靠四个方程（⊙ 表示逐元素相乘）：BP1 在输出层，δᴸ = ∇ₐC ⊙ σ′(zᴸ)；BP2 逐层向前，δˡ = ((wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ)；BP3 ∂C/∂bˡⱼ = δˡⱼ；BP4 ∂C/∂wˡⱼₖ = aˡ⁻¹ₖδˡⱼ。逐步演示跟踪的是第一个样本。训练时取整个小批量（m = 3 个样本），对每个样本做前向计算和 BP1–BP4，再按平均值统一更新一次：wˡ → wˡ − (η/m) Σₓ δˡ(x) aˡ⁻¹(x)ᵀ，bˡ → bˡ − (η/m) Σₓ δˡ(x)，其中 η = 0.5。原文没有给出数字，样本、权重和偏置都是我们设定的。',
  },
  layers: [{ size: 2 }, { size: 3, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }],
  loss: 'halfSse',
  learningRate: 0.5,
  useBias: true,
  weights: [
    [
      [0.2, -0.3],
      [0.4, 0.1],
      [-0.5, 0.2],
    ],
    [
      [0.3, -0.2, 0.5],
      [-0.4, 0.6, 0.1],
    ],
  ],
  biases: [
    [0.1, -0.1, 0.05],
    [0.2, -0.1],
  ],
  sample: { input: batch[0].input.slice(), target: batch[0].target.slice() },
  dataset: { kind: 'inline', samples: batch },
  batchSize: 3,
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard' },
};
