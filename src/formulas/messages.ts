/**
 * The sentences of the formula panel, in English and Chinese, with the same keys and the same {parameters}.
 * Layers are numbered from 0 (the input layer); neurons from 1.
 */
const en = {
  'step.z': 'The weighted sum {symbol} of {place}: each input times its weight, all added up.',
  'step.zBias':
    'The weighted sum {symbol} of {place}: each input times its weight, all added up, plus the bias.',
  'step.a': 'The activation {symbol} of {place}: its weighted sum passed through the activation function.',
  'step.aSoftmax':
    'Softmax: the activation {symbol} of {place} is the exponential of its weighted sum divided by the sum of the exponentials of all outputs, so the activations add up to 1.',
  'step.lossTerm': 'The loss term {symbol} of {place} compares its activation with the target.',
  'step.lossTotal': 'The loss E adds up the terms of all {count} outputs.',
  'step.lossTotal#=1': 'The loss E is the term of the only output.',
  'step.outputDA': 'How fast the loss changes as the activation of {place} changes: the derivative {symbol}.',
  'step.outputFPrime': 'The slope {symbol} of the activation function at the weighted sum of {place}.',
  'step.outputDelta':
    'The error term {symbol} of {place}: the loss derivative times the slope of the activation (the chain rule).',
  'step.outputDeltaSimplified':
    'For this activation and loss the two derivatives cancel, so the error term {symbol} of {place} takes a short form.',
  'step.outputDeltaSoftmax':
    'With softmax every output depends on every weighted sum, so the error term {symbol} of {place} gathers the loss derivatives of all outputs.',
  'step.hiddenDelta':
    'The error term {symbol} of {place}: the error terms of the next layer, each times the weight that connects them, added up and multiplied by the slope of its activation.',
  'step.neuronGradients':
    'The gradient of each weight into {place}: its error term {symbol} times the activation that weight carries.',
  'step.neuronGradientsBias':
    "The gradient of each weight into {place} is its error term {symbol} times the activation that weight carries; the bias's gradient is {symbol} itself.",
  'step.weightGradient':
    'The gradient {symbol} of the weight {weight} from {from} to {place}: the error term {delta} times the incoming activation.',
  'step.weightGradientFromInput':
    'The gradient {symbol} of the weight {weight} from input {input} to {place}: the error term {delta} times the input.',
  'step.biasGradient': 'The gradient {symbol} of the bias {weight} of {place} is its error term {delta}.',
  'step.neuronUpdate':
    'Each weight into {place} takes a step against its gradient, the step scaled by the learning rate {eta}.',
  'step.neuronUpdateBias':
    'Each weight into {place}, and its bias, takes a step against its gradient, the step scaled by the learning rate {eta}.',
  'step.weightUpdate':
    'The weight {weight} from {from} to {place} takes a step against its gradient, scaled by the learning rate {eta}.',
  'step.weightUpdateFromInput':
    'The weight {weight} from input {input} to {place} takes a step against its gradient, scaled by the learning rate {eta}.',
  'step.biasUpdate':
    'The bias {weight} of {place} takes a step against its gradient, scaled by the learning rate {eta}.',
  'step.layerForward':
    "All of layer {layer} at once: the weight matrix times the previous layer's activations gives the weighted sums, and the activation function turns them into activations.",
  'step.layerForwardBias':
    "All of layer {layer} at once: the weight matrix times the previous layer's activations, plus the biases, gives the weighted sums, and the activation function turns them into activations.",
  'step.layerLoss': 'The loss E over all {count} outputs at once.',
  'step.layerLoss#=1': 'The loss E of the only output.',
  'step.layerOutputDelta':
    'BP1: the error terms δ of the output layer are the gradient of the loss multiplied element by element (⊙) with the slopes of the activation.',
  'step.layerOutputDeltaSimplified':
    'BP1: for this activation and loss the derivatives cancel, so the output error terms δ take a short form.',
  'step.layerOutputDeltaSoftmax':
    'BP1 with softmax: each output error term δ gathers the loss derivatives of all outputs through the softmax.',
  'step.layerHiddenDelta':
    'BP2: the error terms δ of layer {layer} are the transposed weights times the error terms of layer {next}, multiplied element by element (⊙) with the slopes of the activation.',
  'step.layerGradients':
    "BP4: the gradient of layer {layer}'s weight matrix is its error terms δ times the activations of layer {previous} (an outer product).",
  'step.layerGradientsBias':
    "BP3 and BP4: the gradient of layer {layer}'s weight matrix is its error terms δ times the activations of layer {previous} (an outer product); the gradient of its biases is δ itself.",
  'step.layerUpdate':
    "Layer {layer}'s weight matrix takes a step against its gradient, scaled by the learning rate.",
  'step.layerUpdateBias':
    "Layer {layer}'s weight matrix and biases take a step against their gradients, scaled by the learning rate.",
  'step.batchLoss':
    'The loss of the mini-batch is the mean of the losses of its {count} samples, each from its own forward pass.',
  'step.meanGradients':
    'The gradient of each weight into {place} is the mean of the {count} gradients the samples gave it, one per sample.',
  'step.meanGradientsBias':
    'The gradient of each weight into {place}, and of its bias, is the mean of the {count} gradients the samples gave it, one per sample.',
  'step.meanWeightGradient':
    'The gradient {symbol} of the weight {weight} from {from} to {place} is the mean of its {count} per-sample gradients.',
  'step.meanBiasGradient':
    'The gradient {symbol} of the bias {weight} of {place} is the mean of its {count} per-sample gradients.',
  'step.layerMeanGradients':
    "The gradient of layer {layer}'s weight matrix is the mean of the {count} per-sample gradients, each δ times the transposed activations of that sample.",
  'step.layerMeanGradientsBias':
    "The gradients of layer {layer}'s weight matrix and biases are the means of the {count} per-sample gradients: each sample's δ (aᵀ) for the weights, its δ for the biases.",
  'path.single':
    'One path leads from this weight to the loss: the gradient is the product of the local derivatives along it.',
  'path.sum':
    'The gradient of this weight is the sum over all {count} paths from the weight to the loss; along each path the local derivatives multiply.',
  'path.truncated':
    'There are {count} paths from this weight to the loss; the first {shown} are written out, and the total adds up all of them.',
  'path.singleBias':
    'One path leads from this bias to the loss: the gradient is the product of the local derivatives along it.',
  'path.sumBias':
    'The gradient of this bias is the sum over all {count} paths from the bias to the loss; along each path the local derivatives multiply.',
  'path.truncatedBias':
    'There are {count} paths from this bias to the loss; the first {shown} are written out, and the total adds up all of them.',
} as const;

/** The same sentences in Chinese: exactly the English keys (plural forms included), the same {parameters}. */
const zhCN = {
  'step.z': '{place}的加权和 {symbol}：每个输入乘以对应的权重，再全部相加。',
  'step.zBias': '{place}的加权和 {symbol}：每个输入乘以对应的权重，全部相加，再加上偏置。',
  'step.a': '{place}的激活值 {symbol}：把加权和送入激活函数。',
  'step.aSoftmax':
    'softmax：{place}的激活值 {symbol} 等于其加权和的指数除以所有输出的指数之和，因此各输出的激活值之和为 1。',
  'step.lossTerm': '{place}的损失项 {symbol}：把激活值与目标值相比较。',
  'step.lossTotal': '把全部 {count} 个输出的项加起来，就是损失 E。',
  'step.lossTotal#=1': '只有一个输出，它的项就是损失 E。',
  'step.outputDA': '{place}的激活值变化时损失变化有多快：导数 {symbol}。',
  'step.outputFPrime': '激活函数在{place}的加权和处的斜率 {symbol}。',
  'step.outputDelta': '{place}的误差项 {symbol}：损失的导数乘以激活函数的斜率（链式法则）。',
  'step.outputDeltaSimplified':
    '对这种激活函数与损失的组合，两个导数相乘后可以约简，所以{place}的误差项 {symbol} 形式很简洁。',
  'step.outputDeltaSoftmax':
    'softmax 的每个输出都依赖于所有加权和，所以{place}的误差项 {symbol} 要汇集所有输出的损失导数。',
  'step.hiddenDelta':
    '{place}的误差项 {symbol}：把下一层的各个误差项乘以相连的权重后求和，再乘以自身激活函数的斜率。',
  'step.neuronGradients': '{place}每个输入权重的梯度：它的误差项 {symbol} 乘以该权重传来的激活值。',
  'step.neuronGradientsBias':
    '{place}每个输入权重的梯度是它的误差项 {symbol} 乘以该权重传来的激活值；偏置的梯度就是 {symbol} 本身。',
  'step.weightGradient':
    '从{from}到{place}的权重 {weight}，其梯度 {symbol} 是误差项 {delta} 乘以传入的激活值。',
  'step.weightGradientFromInput':
    '从输入 {input} 到{place}的权重 {weight}，其梯度 {symbol} 是误差项 {delta} 乘以这个输入。',
  'step.biasGradient': '{place}的偏置 {weight} 的梯度 {symbol} 就是它的误差项 {delta}。',
  'step.neuronUpdate': '{place}的每个输入权重都沿梯度的反方向走一步，步长由学习率 {eta} 决定。',
  'step.neuronUpdateBias': '{place}的每个输入权重和偏置都沿梯度的反方向走一步，步长由学习率 {eta} 决定。',
  'step.weightUpdate': '从{from}到{place}的权重 {weight} 沿梯度的反方向走一步，步长由学习率 {eta} 决定。',
  'step.weightUpdateFromInput':
    '从输入 {input} 到{place}的权重 {weight} 沿梯度的反方向走一步，步长由学习率 {eta} 决定。',
  'step.biasUpdate': '{place}的偏置 {weight} 沿梯度的反方向走一步，步长由学习率 {eta} 决定。',
  'step.layerForward':
    '一次算完第 {layer} 层：权重矩阵乘以上一层的激活值得到加权和，再经激活函数得到激活值。',
  'step.layerForwardBias':
    '一次算完第 {layer} 层：权重矩阵乘以上一层的激活值，加上偏置，得到加权和，再经激活函数得到激活值。',
  'step.layerLoss': '一次算出全部 {count} 个输出的损失 E。',
  'step.layerLoss#=1': '唯一一个输出的损失 E。',
  'step.layerOutputDelta': 'BP1：输出层的误差项 δ 等于损失的梯度与激活函数斜率的逐元素乘积（⊙）。',
  'step.layerOutputDeltaSimplified':
    'BP1：对这种激活函数与损失的组合，导数可以约简，所以输出层的误差项 δ 形式很简洁。',
  'step.layerOutputDeltaSoftmax':
    'BP1（softmax）：每个输出的误差项 δ 都要经过 softmax 汇集所有输出的损失导数。',
  'step.layerHiddenDelta':
    'BP2：第 {layer} 层的误差项 δ 等于转置后的权重矩阵乘以第 {next} 层的误差项，再与激活函数的斜率逐元素相乘（⊙）。',
  'step.layerGradients':
    'BP4：第 {layer} 层权重矩阵的梯度等于它的误差项 δ 乘以第 {previous} 层的激活值（外积）。',
  'step.layerGradientsBias':
    'BP3 与 BP4：第 {layer} 层权重矩阵的梯度等于它的误差项 δ 乘以第 {previous} 层的激活值（外积）；偏置的梯度就是 δ 本身。',
  'step.layerUpdate': '第 {layer} 层的权重矩阵沿梯度的反方向走一步，步长由学习率决定。',
  'step.layerUpdateBias': '第 {layer} 层的权重矩阵和偏置沿梯度的反方向走一步，步长由学习率决定。',
  'step.batchLoss': '小批量的损失是其中 {count} 个样本损失的平均值，每个样本的损失来自它自己的前向计算。',
  'step.meanGradients': '{place}每个输入权重的梯度，是 {count} 个样本各自给出的梯度的平均值。',
  'step.meanGradientsBias': '{place}每个输入权重及其偏置的梯度，是 {count} 个样本各自给出的梯度的平均值。',
  'step.meanWeightGradient':
    '从{from}到{place}的权重 {weight}，其梯度 {symbol} 是 {count} 个样本梯度的平均值。',
  'step.meanBiasGradient': '{place}的偏置 {weight} 的梯度 {symbol} 是 {count} 个样本梯度的平均值。',
  'step.layerMeanGradients':
    '第 {layer} 层权重矩阵的梯度是 {count} 个样本梯度的平均值，每个样本的梯度是它的 δ 乘以它的激活值的转置。',
  'step.layerMeanGradientsBias':
    '第 {layer} 层权重矩阵和偏置的梯度分别是 {count} 个样本梯度的平均值：权重取每个样本的 δ (aᵀ)，偏置取每个样本的 δ。',
  'path.single': '从这个权重到损失只有一条路径：梯度就是沿这条路径各个局部导数的乘积。',
  'path.sum': '这个权重的梯度等于从它到损失的全部 {count} 条路径之和；每条路径上的局部导数相乘。',
  'path.truncated': '从这个权重到损失共有 {count} 条路径；这里写出前 {shown} 条，总和则包含全部路径。',
  'path.singleBias': '从这个偏置到损失只有一条路径：梯度就是沿这条路径各个局部导数的乘积。',
  'path.sumBias': '这个偏置的梯度等于从它到损失的全部 {count} 条路径之和；每条路径上的局部导数相乘。',
  'path.truncatedBias': '从这个偏置到损失共有 {count} 条路径；这里写出前 {shown} 条，总和则包含全部路径。',
} as const satisfies Record<keyof typeof en, string>;

export const formulaMessages = { en, 'zh-CN': zhCN } as const;

/** A formula sentence (its plural forms are chosen by the `count` param). */
export type FormulaMessageKey = Exclude<keyof typeof en, `${string}#${string}`>;
