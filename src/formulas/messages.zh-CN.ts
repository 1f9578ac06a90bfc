import { formulaMessagesEn } from './messages';

/** The same sentences in Chinese: exactly the English keys (plural forms included), the same {parameters}. */
export const zhCN = {
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
} as const satisfies Record<keyof typeof formulaMessagesEn, string>;

/** The formula sentences in both languages. */
export const formulaMessages = { en: formulaMessagesEn, 'zh-CN': zhCN } as const;
