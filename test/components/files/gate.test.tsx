// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileControls } from '../../../src/components/files/FileControls';
import { FileMessages } from '../../../src/components/files/FileMessages';
import { FileOpenerProvider } from '../../../src/components/files/fileOpener';
import { Notice } from '../../../src/components/Notice';
import { lesson001, lesson004 } from '../../../src/lessons';
import { initialState, lessonStore, selectIteration } from '../../../src/store';
import { serialiseLesson } from '../../../src/store/persist';
import { overflowLesson as overflow } from '../../support/lessons';

beforeEach(() => lessonStore.setState(initialState()));
afterEach(cleanup);

describe('the gate on screen', () => {
  it('a file whose step is not finite is refused with why, and nothing else changes', async () => {
    render(
      <FileOpenerProvider>
        <FileControls />
        <FileMessages />
      </FileOpenerProvider>,
    );
    const file = new File([serialiseLesson(overflow)], 'overflow.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('Open lesson file'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“overflow.json” was not opened: its step cannot be computed');
    expect(alert.textContent).toContain('∞');
    expect(lessonStore.getState().lesson).toBe(lesson004);
    expect(lessonStore.getState().past).toHaveLength(0);
  });

  it('a stopped iteration says why in the reader’s language, and "Lower η and go on" goes on', () => {
    lessonStore.setState(initialState({ ...lesson001, learningRate: 1000 }));
    render(<Notice />);
    const s = lessonStore.getState;
    act(() => {
      for (let i = 0; i < 3 && s().notice === null; i++) s().nextIteration();
    });
    const stopped = selectIteration(s());
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`Iteration ${stopped + 1} was not taken`);
    expect(alert.textContent).toContain('The learning rate η = 1000 is too large for this network; try 100.');
    fireEvent.click(screen.getByRole('button', { name: 'Lower η and go on' }));
    expect(s().lesson.learningRate).toBe(100);

    act(() => {
      s().setLocale('zh-CN');
      s().edit({ kind: 'learningRate', value: 1000 });
      for (let i = 0; i < 3 && s().notice === null; i++) s().nextIteration();
    });
    expect(screen.getByRole('alert').textContent).toMatch(/^⚠ 第 \d+ 轮迭代未执行/);
    expect(screen.getByRole('alert').textContent).toContain(
      '学习率 η = 1000 对这个网络来说太大了，可以试试 100。',
    );
    expect(screen.getByRole('button', { name: '降低 η 并继续' })).toBeTruthy();
  });
});
