import type { Lesson, LocalText } from '../engine';
import { blank } from './blank';
import { iris } from './iris';
import { lesson001 } from './lesson001';
import { lesson002 } from './lesson002';
import { lesson003 } from './lesson003';
import { lesson004 } from './lesson004';

/** One entry of the lesson picker. */
export interface Preset {
  /** Stable id, used in links and saved state. */
  id: string;
  lesson: Lesson;
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
      en: 'The four equations BP1–BP4 in matrix form, averaged over a mini-batch of three.',
      'zh-CN': '矩阵形式的四个方程 BP1–BP4，并在三个样本的小批量上求平均。',
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
      en: 'Train a 4-5-3 net from scratch to tell three Iris species apart.',
      'zh-CN': '从零训练一个 4-5-3 网络，区分三种鸢尾花。',
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

/** The lesson the app opens on when nothing else is asked for. */
export const DEFAULT_LESSON: Lesson = lesson004;

export { blank, iris, lesson001, lesson002, lesson003, lesson004 };
