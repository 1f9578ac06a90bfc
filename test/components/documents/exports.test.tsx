// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import katex from 'katex';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportButton } from '../../../src/components/documents/ExportButton';
import { graphImage } from '../../../src/components/documents/graphImage';
import { GraphPanel } from '../../../src/components/graph/GraphPanel';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';

/** The third hidden sum of lesson 004, from its weights and input: 0.8·0.9 + 0.1·0.1 + 0.9·0.8. */
const Z3 = (0.8 * 0.9 + 0.1 * 0.1 + 0.9 * 0.8).toFixed(2);

/** Captures what the export saves: the Blob handed to URL.createObjectURL and the link's file name. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    last = b;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
  return saved;
}

/** A Blob's text (jsdom's Blob has no text()). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string);
    r.readAsText(blob);
  });

beforeEach(() => {
  lessonStore.setState(initialState());
  act(() => {
    lessonStore.getState().loadLesson(lesson004, { granularity: 'neuron', cursor: 5 });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the graph as SVG', () => {
  it('is one well-formed SVG with a viewBox, inline styles and the numbers on the graph', () => {
    render(<GraphPanel />);
    const image = graphImage(document)!;
    expect(image).not.toBeNull();
    const doc = new DOMParser().parseFromString(image.svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')[0]?.textContent ?? '').toBe('');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const onScreen = document.querySelector('.graph svg')!.getAttribute('viewBox');
    expect(root.getAttribute('viewBox')).toBe(onScreen);
    expect(onScreen).toMatch(/^0 0 \d+ \d+$/);
    // the page's attributes are gone, every element carries its style
    expect(doc.querySelectorAll('[class], [tabindex], [data-id]')).toHaveLength(0);
    const drawn = [...doc.querySelectorAll('path, circle, text, rect')].filter((e) => e.parentNode !== root);
    expect(drawn.length).toBeGreaterThan(20);
    // (jsdom computes no SVG paint; the browser test checks the colours)
    for (const e of drawn) expect(e.getAttribute('style')).toMatch(/^[a-z-]+:/);
    const text = [...doc.getElementsByTagName('text')].map((t) => t.textContent).join(' ');
    expect(text).toContain(Z3); // step 6: the third hidden sum is on the graph
    expect(text).toContain('0.9'); // the input x₁
    // the two drawings, edges beneath
    expect(root.querySelectorAll(':scope > g')).toHaveLength(2);
  });
});

describe('the export menu', () => {
  it('saves the step as LaTeX and the iteration as Markdown, every formula parsing in KaTeX', async () => {
    const saved = captureDownloads();
    render(<ExportButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Export step as LaTeX' }, { timeout: 15_000 }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('a-3-3-2-network-in-matrix-form-step-6.tex');
    const tex = await textOf(saved[0].blob);
    expect(tex).toContain('\\documentclass');
    const formulas = [...tex.matchAll(/\n\\\[\n(.*)\n\\\]/g)].map((m) => m[1]);
    expect(formulas).toHaveLength(3);
    for (const f of formulas) katex.renderToString(f, { throwOnError: true });
    expect((await screen.findByRole('status')).textContent).toBe(`Saved “${saved[0].name}”.`);

    fireEvent.click(screen.getByRole('button', { name: 'Export iteration as Markdown' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1].name).toBe('a-3-3-2-network-in-matrix-form-iteration-1.md');
    const md = await textOf(saved[1].blob);
    expect(md).toContain(`= ${Z3}$`);
  });

  it('opens the handout check, which marks lesson 004’s 0.62 as the first wrong figure', async () => {
    render(<ExportButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Check my handout' }, { timeout: 15_000 }));
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Fill in the lesson’s printed figures' },
        { timeout: 15_000 },
      ),
    );
    const row = document.querySelector('tr[data-value-id="z:1:2"]')!;
    expect(row.getAttribute('data-status')).toBe('firstWrong');
    expect(row.textContent).toContain(`first wrong figure: ${Z3}`);
    expect(screen.getByLabelText('Your figure for X_hidden,3')).toHaveProperty('value', '0.62');
  });
});
