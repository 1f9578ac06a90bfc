import type { BilingualLesson } from '../engine';

/**
 * Lesson 004: the 3-3-2 network worked in matrix form (column vectors, no biases, E = Σ(target − O)², η = 0.5).
 *
 * `published` holds every figure the source prints for a quantity of the step, exactly as printed. The source
 * writes w_{j,k} from node j to node k (w_{3,2} joins hidden 3 to output 2), so its w_{j,k} is our w:l:k:j.
 * Figures the source prints for inputs and starting weights are the lesson's givens and are not repeated here.
 */
export const lesson004: BilingualLesson = {
  format: 'backprop-lesson',
  version: 1,
  title: { en: 'A 3-3-2 network in matrix form', 'zh-CN': '矩阵形式的 3-3-2 网络' },
  notes: {
    en: 'Source: the course lesson that works a 3-3-2 network in matrix form with numbers. Three inputs, three sigmoid hidden neurons and two sigmoid outputs, with no biases. Vectors are columns: X_hidden = W_input-hidden · X, O_hidden = σ(X_hidden), and the same again for the output layer. The loss is the plain sum of squared errors, E = Σ(target − O)², with no ½ in front, so ∂E/∂O = −2(target − O); the learning rate is 0.5 and each weight moves by w − η∂E/∂w. The source names a weight w_{j,k} by the node it leaves (j) and the node it enters (k). Errata: its worked example goes wrong early: the third hidden sum is 0.8·0.9 + 0.1·0.1 + 0.9·0.8 = 1.45, but it prints 0.62, and every figure after that inherits the error. It also prints 1.437 once where it had 1.432, and multiplies by 0.2 for the weight from hidden 1 to output 2, which is 0.6. Every number shown here is computed; where the source printed something different, the step says what it printed (errata).',
    'zh-CN':
      '出处：课程中用矩阵形式、带具体数字推演 3-3-2 网络的一课。三个输入、三个 sigmoid 隐藏神经元、两个 sigmoid 输出，不设偏置。向量按列书写：X_hidden = W_input-hidden · X，O_hidden = σ(X_hidden)，输出层同理。损失是误差平方和 E = Σ(target − O)²，前面没有 ½，所以 ∂E/∂O = −2(target − O)；学习率为 0.5，权重按 w − η∂E/∂w 更新。原文用 w_{j,k} 表示从节点 j 出发、进入节点 k 的权重。勘误：原文的算例很早就出了错：第三个隐藏节点的加权和应为 0.8·0.9 + 0.1·0.1 + 0.9·0.8 = 1.45，却印成了 0.62，之后的数字全都受到牵连。此外，它有一处把 1.432 写成了 1.437，并且在计算中把隐藏节点 1 到输出节点 2 的权重当作 0.2，实际应为 0.6。这里显示的每个数都是算出来的；凡与原文印刷不符之处，该步骤都会以勘误的形式注明原文的数字。',
  },
  layers: [{ size: 3 }, { size: 3, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }],
  loss: 'sse',
  learningRate: 0.5,
  useBias: false,
  weights: [
    [
      [0.9, 0.3, 0.4],
      [0.2, 0.8, 0.2],
      [0.8, 0.1, 0.9],
    ],
    [
      [0.3, 0.7, 0.5],
      [0.6, 0.5, 0.2],
    ],
  ],
  biases: [
    [0, 0, 0],
    [0, 0],
  ],
  sample: { input: [0.9, 0.1, 0.8], target: [0.01, 0.99] },
  conventions: { update: 'minusEta', vectors: 'column', symbols: 'matrix004', detail: 'layer' },
  published: {
    // §1.2 X_hidden = W_input-hidden · X
    'z:1:0': '1.16',
    'z:1:1': '0.42',
    'z:1:2': '0.62',
    // §1.2 O_hidden = Sigmoid(X_hidden)
    'a:1:0': '0.761',
    'a:1:1': '0.603',
    'a:1:2': '0.650',
    // §1.3 X_output = W_hidden-output · O_hidden, O_output = Sigmoid(X_output)
    'z:2:0': '0.975',
    'z:2:1': '0.888',
    'a:2:0': '0.726',
    'a:2:1': '0.708',
    // §2.1 E1, E2 and E
    'e:0': '0.512656',
    'e:1': '0.079524',
    E: '0.59218',
    // §2.2 the hidden→output weight w_{1,1} (hidden 1 → output 1): ∂E/∂O_output1, O(1 − O), ∂E/∂w, w_new
    'dA:2:0': '1.432',
    'fp:2:0': '0.198924',
    'dW:2:0:0': '0.216777826848',
    'w+:2:0:0': '0.191611086576',
    // §2.3 ∂E1/∂X_output1 and ∂E2/∂X_output2 (δ of each output), then ∂E/∂O_hidden1
    'd:2:0': '0.285853788',
    'd:2:1': '-0.116599104',
    'dA:1:0': '0.0624363156',
    // §2.3 the input→hidden weight w_{1,1} (input 1 → hidden 1): O_hidden1(1 − O_hidden1), ∂E/∂w, w_new
    'fp:1:0': '0.181879',
    'dW:1:0:0': '0.01022026918051116',
    'w+:1:0:0': '0.89488986540974442',
  },
};
