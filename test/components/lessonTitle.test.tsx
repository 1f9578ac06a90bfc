// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AboutLesson } from '../../src/components/AboutLesson';
import { FileOpenerProvider } from '../../src/components/files/fileOpener';
import { Header } from '../../src/components/Header';
import { lesson004 } from '../../src/lessons';
import { initialState, lessonStore } from '../../src/store';

beforeEach(() => lessonStore.setState(initialState()));
afterEach(cleanup);

describe('a lesson titled in one language', () => {
  it('shows that title in the English and in the Chinese app', () => {
    const title = 'Backprop, worked by hand';
    const loaded = lessonStore.getState().loadLesson({ ...lesson004, title, published: undefined });
    expect(loaded.ok).toBe(true);
    render(
      <FileOpenerProvider>
        <Header />
      </FileOpenerProvider>,
    );
    const shown = () => document.querySelector('.lesson-title')?.textContent;
    expect(shown()).toBe(title);
    act(() => lessonStore.getState().setLocale('zh-CN'));
    expect(shown()).toBe(title);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('反向传播，一步一步');
  });

  it('names it in About this lesson, in either language', () => {
    lessonStore.getState().loadLesson({ ...lesson004, title: '手算反向传播', published: undefined });
    render(<AboutLesson />);
    fireEvent.click(screen.getByRole('button', { name: 'About this lesson' }));
    expect(screen.getByRole('dialog').querySelector('h3')?.textContent).toBe('手算反向传播');
  });
});
