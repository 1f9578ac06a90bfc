import type { documents as en } from '../en/documents';
import type { MessageTable, MessagesOf } from '../keys';

/** 简体中文消息：导出、练习纸与讲义核对。键与英文的这一部分相同。 */
export const documents = {
  // 导出、练习纸与讲义核对（src/components/documents、src/documents）。
  'documents.open': '导出',
  'documents.title': '导出与打印',
  'documents.close': '关闭',
  'documents.loading': '正在加载…',
  'documents.graphGroup': '网络图',
  'documents.textGroup': '推导过程',
  'documents.printGroup': '课堂用',
  'documents.svg': '将网络图导出为 SVG',
  'documents.png': '将网络图导出为 PNG',
  'documents.stepLatex': '将当前步骤导出为 LaTeX',
  'documents.iterationLatex': '将整轮迭代导出为 LaTeX',
  'documents.iterationMarkdown': '将整轮迭代导出为 Markdown',
  'documents.worksheet': '练习纸',
  'documents.answerKey': '答案',
  'documents.checkHandout': '核对我的讲义',
  'documents.saved': '已保存“{name}”。',
  'documents.noGraph': '屏幕上没有可导出的网络图。',
  'documents.noStep': '这一课的训练步骤无法计算，没有可导出的内容。',
  'documents.untitled': '自定义网络',
  'documents.stepOf': '第 {index} 步，共 {count} 步',
  'documents.subtitle': '第 {iteration} 轮迭代 · 粒度：{detail} · 反向传播，一步一步',
  'documents.print': '打印',
  'documents.paper': '纸张',
  'documents.network': '网络及其数值',
  'documents.givenInputs': '输入与目标值',
  'documents.givenWeights': '第 {layer} 层的权重',
  'documents.givenRate': '学习率',
  'documents.worksheetIntro':
    '按顺序算出一次训练步骤中的每个量，填在对应的空格里。每句话说明这一步算什么，规则说明怎么算。',
  'documents.answerKeyIntro': '练习纸上的每个量，附规则、代入的数值和结果。',
  'documents.name': '姓名',
  'documents.handoutIntro':
    '输入你自己讲义中这一步任意几个量的数值。核对结果会标出第一个错误的数字、只是沿用了前面错误的数字（用你自己前面的数字算是对的），以及本身就算错的数字。',
  'documents.fillPublished': '填入本课原文印出的数字',
  'documents.clearFigures': '清空',
  'documents.check': '核对',
  'documents.figureFor': '你算出的 {quantity}',
  'documents.status.right': '正确',
  'documents.status.firstWrong': '第一个错误：应为 {correct}',
  'documents.status.inherits': '沿用了前面的错误（按你的数字计算是对的）',
  'documents.status.wrong': '本身算错：按你前面的数字应为 {yours}',
  'documents.notANumber': '不是数字',
  'documents.summary':
    '共核对 {count} 个数字：{right} 个正确，{inherits} 个沿用了前面的错误，{wrong} 个本身算错。',
  'documents.summaryNone': '请至少输入一个数字，再点“核对”。',
} as const satisfies MessageTable<MessagesOf<keyof typeof en>>;
