import type { AppMessageKey, MessageTable } from '../keys';
import { app } from './app';
import { practice } from './practice';
import { graph } from './graph';
import { editor } from './editor';
import { documents } from './documents';
import { train } from './train';
import { gate } from './gate';
import { mergeSections } from '../sections';

/** 简体中文消息，按部分合并；键与英文相同（复数变体 `key#…` 按中文的需要取舍：中文名词没有复数形式）。 */
const sections = { app, practice, graph, editor, documents, train, gate };
export const zhCN = mergeSections(sections) satisfies MessageTable<AppMessageKey>;
