import type { BilingualLesson, Sample } from '../engine';

/** The mini-batch of m = 3 samples the averaged update runs over. */
const batch: Sample[] = [
  { input: [0.9, 0.1], target: [1, 0] },
  { input: [0.2, 0.8], target: [0, 1] },
  { input: [0.6, 0.5], target: [1, 0] },
];

/**
 * Lesson 003: the four equations BP1–BP4 in matrix form on a 2-3-2 sigmoid network with biases, C = ½‖y − aᴸ‖²,
 * and one gradient-descent step averaged over a mini-batch of m = 3 samples: each sample's forward pass and
 * BP1–BP4, then W → W − (η/m) Σₓ δ^{x,l} (a^{x,l−1})ᵀ. Opens at layer detail (matrix form). The numbers are ours.
 */
export const lesson003: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'The four equations BP1–BP4', 'zh-CN': '反向传播的四个方程 BP1–BP4' },
  notes: {
    en: 'Source: the course lesson on the four equations of backpropagation, which follows the standard textbook derivation; its formulas were pictures that no longer load, so they are restated here. Network: input, hidden and output layers of 2, 3 and 2 sigmoid neurons with biases; wˡⱼₖ joins neuron k of layer l − 1 to neuron j of layer l, and vectors are columns. For one sample x the quadratic cost is Cₓ = ½‖y − aᴸ‖², shown as E⁽ˣ⁾, and the error of neuron j in layer l is δˡⱼ = ∂Cₓ/∂zˡⱼ. Four equations do all the work (⊙ multiplies element by element): BP1 δᴸ = ∇ₐC ⊙ σ′(zᴸ); BP2 δˡ = ((wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ); BP3 ∂C/∂bˡⱼ = δˡⱼ; BP4 ∂C/∂wˡⱼₖ = aˡ⁻¹ₖδˡⱼ. The step is a mini-batch of m = 3 samples: the forward pass and BP1–BP4 run for each sample in turn (a superscript (1), (2), (3) says whose value it is), then the batch loss is the mean E = (1/m) Σₓ E⁽ˣ⁾, each gradient is the mean of the three, ∂C/∂Wˡ = (1/m) Σₓ δ^{x,l}(a^{x,l−1})ᵀ and ∂C/∂bˡ = (1/m) Σₓ δ^{x,l}, and the weights move once: Wˡ → Wˡ − η·mean, with η = 0.5. Written for all samples at once, the same four equations hold with one column per sample. The source gives no numbers, so the samples, weights and biases are ours. Errata: none, since the source prints no figures.',
    'zh-CN':
      '出处：课程中讲反向传播四个方程的一课，沿用教科书的标准推导；原文的公式是图片，如今已无法显示，这里重新写出。网络：输入层、隐藏层、输出层分别有 2、3、2 个带偏置的 sigmoid 神经元；wˡⱼₖ 表示从第 l − 1 层第 k 个神经元连到第 l 层第 j 个神经元的权重，向量按列书写。对单个样本 x，二次代价为 Cₓ = ½‖y − aᴸ‖²（界面上记作 E⁽ˣ⁾），第 l 层第 j 个神经元的误差为 δˡⱼ = ∂Cₓ/∂zˡⱼ。全部计算都靠四个方程（⊙ 表示逐元素相乘）：BP1 δᴸ = ∇ₐC ⊙ σ′(zᴸ)；BP2 δˡ = ((wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ)；BP3 ∂C/∂bˡⱼ = δˡⱼ；BP4 ∂C/∂wˡⱼₖ = aˡ⁻¹ₖδˡⱼ。这一步用的是 m = 3 个样本的小批量：先对每个样本依次做前向计算和 BP1–BP4（上标 (1)、(2)、(3) 标明是哪个样本的值），然后小批量的损失取平均 E = (1/m) Σₓ E⁽ˣ⁾，每个梯度取三个样本的平均，∂C/∂Wˡ = (1/m) Σₓ δ^{x,l}(a^{x,l−1})ᵀ，∂C/∂bˡ = (1/m) Σₓ δ^{x,l}，最后权重只更新一次：Wˡ → Wˡ − η·平均梯度，η = 0.5。若把所有样本写在一起，每个样本占矩阵的一列，四个方程依然成立。原文没有给出数字，样本、权重和偏置都是我们设定的。勘误：原文没有印出数字，因此没有勘误。',
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
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'standard', detail: 'layer' },
};
