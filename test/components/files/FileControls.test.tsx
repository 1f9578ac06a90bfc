// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DropOverlay } from '../../../src/components/files/DropOverlay';
import { FileMessages } from '../../../src/components/files/FileMessages';
import { FileOpenerProvider } from '../../../src/components/files/fileOpener';
import { LessonToolbar } from '../../../src/components/files/LessonToolbar';
import { lesson002, lesson004 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';
import { decodeLink, parseLessonFile, serialiseLesson } from '../../../src/store/persist';

function renderFiles() {
  return render(
    <FileOpenerProvider>
      <LessonToolbar />
      <FileMessages />
      <DropOverlay />
    </FileOpenerProvider>,
  );
}
const jsonFile = (text: string, name = 'lesson.json') => new File([text], name, { type: 'application/json' });
const openInput = () => screen.getByLabelText('Open lesson file') as HTMLInputElement;
const choose = (file: File) => fireEvent.change(openInput(), { target: { files: [file] } });

beforeEach(() => {
  lessonStore.setState(initialState());
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('opening a lesson file', () => {
  it('the input takes JSON files, behind the accessible name "Open lesson file"', () => {
    renderFiles();
    expect(openInput().type).toBe('file');
    expect(openInput().accept).toBe('.json,application/json');
  });

  it('refuses a malformed file listing every problem with its path, and keeps the lesson', async () => {
    renderFiles();
    const bad = { ...JSON.parse(serialiseLesson(lesson002)), version: 7, loss: 'hinge', learningRate: 0 };
    choose(jsonFile(JSON.stringify(bad), 'broken.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“broken.json” was not opened');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    const expected = parseLessonFile(JSON.stringify(bad));
    if (expected.ok) throw new Error('the file must be refused');
    expect(items).toEqual(expected.problems.map((p) => `${p.path}: ${p.message}`));
    expect(items.some((t) => t!.startsWith('version: '))).toBe(true);
    expect(items.some((t) => t!.startsWith('loss: '))).toBe(true);
    expect(lessonStore.getState().lesson).toBe(lesson004);
    expect(lessonStore.getState().past).toHaveLength(0);
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses text that is not JSON with the parser’s message, as a sentence about the file', async () => {
    renderFiles();
    choose(jsonFile('this is not json', 'notes.txt'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem')[0].textContent).toMatch(/^The file is not JSON: .+/);
    expect(lessonStore.getState().lesson).toBe(lesson004);
  });

  it('refuses a huge file before reading it', async () => {
    renderFiles();
    const file = jsonFile('{}', 'huge.json');
    Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 });
    choose(file);
    expect((await screen.findByRole('alert')).textContent).toContain('larger than 5 MB');
  });

  it('opens a good file (undoably) and says so', async () => {
    renderFiles();
    choose(jsonFile(serialiseLesson(lesson002), 'two.json'));
    await waitFor(() => expect(lessonStore.getState().lesson).toEqual(lesson002));
    expect(screen.getByRole('status').textContent).toBe('Opened “two.json”.');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(lessonStore.getState().lesson).toBe(lesson004);
  });

  it('a file dropped anywhere opens, with an overlay while it hovers', async () => {
    renderFiles();
    const file = jsonFile(serialiseLesson(lesson002), 'dropped.json');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId('drop-overlay').textContent).toBe('Drop a lesson file to open it');
    fireEvent.dragLeave(window, { dataTransfer });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    await waitFor(() => expect(lessonStore.getState().lesson).toEqual(lesson002));
  });
});

describe('saving and sharing', () => {
  it('"Save lesson" downloads the lesson as pretty JSON named after its title', async () => {
    renderFiles();
    let blob: Blob | null = null;
    let name = '';
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:lesson';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save lesson' }));
    expect(name).toBe('a-3-3-2-network-in-matrix-form.json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob!);
    });
    expect(text).toBe(serialiseLesson(lesson004));
  });

  it('"Copy share link" copies a link to this lesson, granularity and step, and puts it in the address', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    act(() => {
      lessonStore.getState().setGranularity('layer');
      lessonStore.getState().goTo(3);
    });
    renderFiles();
    fireEvent.click(screen.getByRole('button', { name: 'Copy share link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const url = new URL((writeText.mock.calls[0] as unknown as [string])[0]);
    expect(decodeLink(url.hash)).toEqual({
      ok: true,
      lesson: lesson004,
      granularity: 'layer',
      cursor: 3,
      iteration: 1,
    });
    expect(window.location.hash).toBe(url.hash);
    // the confirmation follows the clipboard's promise
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Link copied'));
  });

  it('without a clipboard, shows the link selected in a read-only field', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    renderFiles();
    fireEvent.click(screen.getByRole('button', { name: 'Copy share link' }));
    const field = (await screen.findByLabelText(/Copy this link/)) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(decodeLink(new URL(field.value).hash).ok).toBe(true);
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByLabelText(/Copy this link/)).toBeNull();
  });
});
