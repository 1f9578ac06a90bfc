import { app } from './app';
import { practice } from './practice';
import { graph } from './graph';
import { editor } from './editor';
import { documents } from './documents';
import { train } from './train';
import { gate } from './gate';
import { mergeSections } from '../sections';

/** English messages, section by section. Keys are shared with zh-CN; `{name}` marks a parameter. */
export const en = mergeSections({ app, practice, graph, editor, documents, train, gate });
