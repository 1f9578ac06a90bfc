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

/** The English sentences (the Chinese ones, messages.zh-CN.ts, load with the Chinese messages: i18n/translate.ts). */
export const formulaMessagesEn = en;

/** A formula sentence (its plural forms are chosen by the `count` param). */
export type FormulaMessageKey = Exclude<keyof typeof en, `${string}#${string}`>;
