import type { BilingualLesson, LocalText } from '../engine';
import { blank } from './blank';
import { fixedBiases } from './fixedBiases';
import { iris } from './iris';
import { lesson001 } from './lesson001';
import { lesson002 } from './lesson002';
import { lesson003 } from './lesson003';
import { lesson004 } from './lesson004';
import { DEFAULT_LESSON, registerBuiltIn } from './builtIn';

/** One entry of the lesson picker. */
export interface Preset {
  /** Stable id, used in links and saved state. */
  id: string;
  lesson: BilingualLesson;
  /** The picker's one-line description. */
  summary: LocalText;
}

/** The presets in teaching order. */
export const PRESETS: Preset[] = [
  {
    id: 'lesson001',
    lesson: lesson001,
    summary: {
      en: 'The chain rule by hand on a 2-3-1 net: output weights first, then input weights.',
      'zh-CN': '在 2-3-1 网络上手推链式法则：先输出层权重，再输入层权重。',
    },
  },
  {
    id: 'lesson002',
    lesson: lesson002,
    summary: {
      en: 'One SGD step through a 2-3-2-1 sigmoid net with biases, neuron by neuron.',
      'zh-CN': '带偏置的 2-3-2-1 sigmoid 网络，逐个神经元走完一步 SGD。',
    },
  },
  {
    id: 'lesson003',
    lesson: lesson003,
    summary: {
      en: 'The four equations BP1–BP4 in matrix form, for each of three samples, then one step by their mean gradient.',
      'zh-CN': '矩阵形式的四个方程 BP1–BP4：对三个样本逐一计算，再按平均梯度更新一次。',
    },
  },
  {
    id: 'lesson004',
    lesson: lesson004,
    summary: {
      en: 'A 3-3-2 net in matrix form, with each figure the source printed checked.',
      'zh-CN': '矩阵形式的 3-3-2 网络，逐一核对原文印出的数字。',
    },
  },
  {
    id: 'iris',
    lesson: iris,
    summary: {
      en: 'One SGD step of the 4-5-3 Iris classifier on one flower; the notes describe the full 300-epoch run from scratch.',
      'zh-CN': '4-5-3 鸢尾花分类器在一朵花上的一步 SGD；从零开始的 300 轮完整过程见本课说明。',
    },
  },
  {
    id: 'fixedBiases',
    lesson: fixedBiases,
    summary: {
      en: 'The well-known 2-2-2 worked example, biases held fixed, reproduced to the last digit.',
      'zh-CN': '广为流传的 2-2-2 算例，偏置固定不变，每个数字都能复现。',
    },
  },
  {
    id: 'blank',
    lesson: blank,
    summary: {
      en: 'A small 2-2-1 net to reshape however you like.',
      'zh-CN': '一个小小的 2-2-1 网络，随你改造。',
    },
  },
];

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export { DEFAULT_LESSON };

// the store's gate knows the built-in lessons as shipped (only they may carry the source's printed figures)
registerBuiltIn(PRESETS.map((p) => p.lesson));

export { blank, fixedBiases, iris, lesson001, lesson002, lesson003, lesson004 };
