import type { app as en } from '../en/app';
import type { MessageTable, MessagesOf } from '../keys';

/** 简体中文消息：应用本身、步进控件、视图、演示模式。键与英文的这一部分相同。 */
export const app = {
  'app.title': '反向传播，一步一步',
  'app.tagline': '训练一步中的每个数字，以及产生它的链式法则。',
  'app.shortName': '反向传播',
  'app.language': '语言',
  'app.skipToContent': '跳到课程',

  'phase.forward': '前向',
  'phase.loss': '损失',
  'phase.backward': '反向',
  'phase.gradient': '梯度',
  'phase.update': '更新',

  'granularity.label': '粒度',
  'granularity.neuron': '神经元',
  'granularity.layer': '层（矩阵）',
  'granularity.weight': '权重',

  'controls.first': '第一步',
  'controls.prev': '上一步',
  'controls.play': '播放',
  'controls.pause': '暂停',
  'controls.next': '下一步',
  'controls.last': '最后一步',
  'controls.nextIteration': '下一轮迭代',
  'controls.speed': '速度',
  'controls.speedValue': '每秒 {speed} 步',
  'controls.scrubber': '时间线',
  'controls.position': '第 {index} / {count} 步 · {phase}',
  'controls.prevPhase': '上一阶段',
  'controls.nextPhase': '下一阶段',
  'controls.iteration': '第 {n} 轮',
  'controls.lossHistory': '每轮迭代的损失',
  'controls.iterationN': '第 {n} 轮',
  'controls.keyboardHelp': '← → 或 PgUp/PgDn 单步 · 空格 播放 · Home/End 首/末步 · [ ] 切换阶段 · P 演示',

  'error.nonFinite': '此步无法显示：{quantity} 变成了 {value}。请调小学习率或权重。',
  'error.dismiss': '关闭',

  // 演示模式：全屏、大字号、隐藏编辑控件；B 黑屏，Esc 退出。
  'present.start': '演示',
  'present.hint': '演示模式：全屏、大字号（P；B 黑屏，Esc 退出）',
  'present.leave': '退出演示模式',
  'present.leaveHint': '退出演示模式（Esc）',
  'present.blankScreen': '黑屏',
  'present.blanked': '屏幕已黑屏。按 B 或任一翻页键恢复显示。',

  'controls.toolbar': '步进控制',
  'controls.goToPhase': '转到{phase}阶段',
  'controls.lossSummary': '第 {n} 轮：E = {loss}',
  'app.theme': '主题',
  'app.theme.light': '浅色主题',
  'app.theme.dark': '深色主题',
  'app.theme.projector': '投影主题',
  'app.digits': '有效数字',
  'app.digits.hint': '所有数字显示的有效数字位数',
  'picker.open': '课程',
  'picker.title': '选择课程',
  'picker.close': '关闭',
  'picker.current': '当前课程',
  'about.open': '关于本课',
  'about.title': '关于本课',
  'about.close': '关闭',
  'about.none': '本课没有说明。',
  // 训练视图：在数据集上训练、曲线图，以及某个样本的一步。
  'view.label': '视图',
  'view.step': '逐步',
  'view.train': '训练',
  'view.loading': '正在加载训练视图…',
} as const satisfies MessageTable<MessagesOf<keyof typeof en>>;
