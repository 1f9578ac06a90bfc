import { app } from './app';
import { practice } from './practice';
import { graph } from './graph';
import { editor } from './editor';
import { documents } from './documents';
import { train } from './train';
import { gate } from './gate';

/** English messages, section by section. Keys are shared with zh-CN; `{name}` marks a parameter. */
export const en = {
  ...app,
  ...practice,
  ...graph,
  ...editor,
  ...documents,
  ...train,
  ...gate,
} as const;
