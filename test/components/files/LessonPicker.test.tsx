// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preloadPanels } from '../../../src/components/lazyPanels';
import { LessonToolbar } from '../../../src/components/files/LessonToolbar';
import { FileOpenerProvider } from '../../../src/components/files/fileOpener';
import { lesson001, lesson004, PRESETS } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';

const renderToolbar = () =>
  render(
    <FileOpenerProvider>
      <LessonToolbar />
    </FileOpenerProvider>,
  );

beforeAll(() => preloadPanels()); // the panels' chunks, as the page fetches them once idle
beforeEach(() => lessonStore.setState(initialState()));
afterEach(cleanup);

describe('lesson picker', () => {
  it('lists every preset with its title and summary, and marks the open one', () => {
    renderToolbar();
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    const dialog = screen.getByRole('dialog', { name: 'Choose a lesson' });
    const items = within(dialog).getAllByRole('listitem');
    expect(items).toHaveLength(PRESETS.length);
    PRESETS.forEach((p, i) => {
      expect(items[i].textContent).toContain(p.lesson.title!.en);
      expect(items[i].textContent).toContain(p.summary.en);
    });
    const current = within(dialog).getByRole('button', { current: true });
    expect(current.textContent).toContain(lesson004.title!.en);
    expect(document.activeElement).toBe(current);
  });

  it('choosing a preset loads it, undoably, and closes the dialog', () => {
    renderToolbar();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    fireEvent.click(screen.getByRole('button', { name: new RegExp(lesson001.title!.en) }));
    expect(lessonStore.getState().lesson).toBe(lesson001);
    expect(lessonStore.getState().origin).toBe(lesson001);
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(undo);
    expect(lessonStore.getState().lesson).toBe(lesson004);
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(redo).toHaveProperty('disabled', false);
    fireEvent.click(redo);
    expect(lessonStore.getState().lesson).toBe(lesson001);
  });

  it('Escape and the close button close it, returning focus to the Lessons button', () => {
    renderToolbar();
    const open = screen.getByRole('button', { name: 'Lessons' });
    fireEvent.click(open);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    fireEvent.click(open);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lessonStore.getState().lesson).toBe(lesson004);
  });

  it('speaks Chinese when the interface does', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    renderToolbar();
    fireEvent.click(screen.getByRole('button', { name: '课程' }));
    const dialog = screen.getByRole('dialog', { name: '选择课程' });
    for (const p of PRESETS) {
      expect(dialog.textContent).toContain(p.lesson.title!['zh-CN']);
      expect(dialog.textContent).toContain(p.summary['zh-CN']);
    }
  });

  it('reset returns to the lesson as opened, and is off while nothing changed', () => {
    renderToolbar();
    const reset = screen.getByRole('button', { name: 'Reset lesson' });
    expect(reset).toHaveProperty('disabled', true);
    act(() => void lessonStore.getState().edit({ kind: 'learningRate', value: 0.1 }));
    expect(screen.getByRole('button', { name: 'Reset lesson' })).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'Reset lesson' }));
    expect(lessonStore.getState().lesson).toBe(lesson004);
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveProperty('disabled', false);
  });
});
