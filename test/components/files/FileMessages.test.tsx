// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileMessages } from '../../../src/components/files/FileMessages';
import { FileOpenerProvider } from '../../../src/components/files/fileOpener';
import { LessonToolbar } from '../../../src/components/files/LessonToolbar';
import { lesson002, lesson004 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';
import { serialiseLesson } from '../../../src/store/persist';

const jsonFile = (text: string, name: string) => new File([text], name, { type: 'application/json' });

beforeEach(() => lessonStore.setState({ ...initialState(), locale: 'zh-CN' }));
afterEach(cleanup);

describe('a refused file, in Chinese', () => {
  it('lists every problem with its path and a Chinese sentence', async () => {
    render(
      <FileOpenerProvider>
        <LessonToolbar />
        <FileMessages />
      </FileOpenerProvider>,
    );
    const bad = { ...JSON.parse(serialiseLesson(lesson002)), version: 7, loss: 'hinge', learningRate: 0 };
    fireEvent.change(screen.getByLabelText('打开课程文件'), {
      target: { files: [jsonFile(JSON.stringify(bad), 'broken.json')] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('未能打开“broken.json”');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'version: 应为 1，实际为 7（此版本只能读取第 1 版）',
      'loss: 应为 halfSse, sse, mse, bce, cce 之一，实际为 "hinge"',
      'learningRate: 0 必须大于 0',
    ]);
    expect(within(alert).getAllByRole('listitem')[0].querySelector('code')?.textContent).toBe('version');
    expect(lessonStore.getState().lesson).toBe(lesson004);
  });
});
