// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AboutLesson, noteParagraphs } from '../../src/components/AboutLesson';
import { PhaseScrubber } from '../../src/components/controls/PhaseScrubber';
import { GraphPanel } from '../../src/components/graph/GraphPanel';
import { fixedBiases, lesson003, lesson004 } from '../../src/lessons';
import { initialState, lessonStore, selectLossSeries, selectShownValues } from '../../src/store';
import { vId } from '../support/ids';

const samples = lesson003.dataset?.kind === 'inline' ? lesson003.dataset.samples : [];

beforeEach(() => lessonStore.setState(initialState()));
afterEach(cleanup);

describe('About this lesson', () => {
  it("shows the open lesson's notes, in English and in Chinese", () => {
    render(<AboutLesson />);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'About this lesson' }));
    const dialog = screen.getByRole('dialog', { name: 'About this lesson' });
    expect(dialog.textContent).toContain(lesson004.title!.en);
    expect(dialog.textContent).toContain('Errata: its worked example goes wrong early');
    expect(dialog.textContent!.replace(/\s+/g, '')).toContain(lesson004.notes!.en.replace(/\s+/g, ''));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => lessonStore.getState().setLocale('zh-CN'));
    act(() => lessonStore.getState().loadLesson(fixedBiases));
    fireEvent.click(screen.getByRole('button', { name: '关于本课' }));
    const zh = screen.getByRole('dialog', { name: '关于本课' });
    expect(zh.textContent).toContain(fixedBiases.title!['zh-CN']);
    expect(zh.textContent!.replace(/\s+/g, '')).toContain(fixedBiases.notes!['zh-CN'].replace(/\s+/g, ''));
  });

  it('sets the source and the errata apart as paragraphs of their own', () => {
    const ps = noteParagraphs(lesson004.notes!.en);
    expect(ps[0]).toMatch(/^Source: [^.]*\.$/);
    expect(ps.at(-1)).toMatch(/^Errata: /);
    expect(ps.join(' ')).toBe(lesson004.notes!.en);
    const zh = noteParagraphs(lesson004.notes!['zh-CN']);
    expect(zh[0]).toMatch(/^出处：[^。]*。$/);
    expect(zh.at(-1)).toMatch(/^勘误：/);
  });
});

describe('the graph in a mini-batch', () => {
  it('says which sample it shows, and nothing once the batch is averaged', () => {
    act(() => lessonStore.getState().loadLesson(lesson003, { granularity: 'neuron', cursor: 0 }));
    render(<GraphPanel />);
    expect(screen.getByTestId('graph-sample').textContent).toBe('Sample 1 of 3');
    act(() => lessonStore.getState().goTo('sample2/forward/a/1/0'));
    expect(screen.getByTestId('graph-sample').textContent).toBe('Sample 2 of 3');
    // the graph's values are sample 2's: its input and its hidden neuron's z, computed here
    const x = samples[1].input;
    const [w0, w1] = lesson003.weights[0][0];
    const shown = selectShownValues(lessonStore.getState());
    expect(shown[vId('x:0')]).toBe(x[0]);
    expect(shown[vId('z:1:0')]).toBeCloseTo(w0 * x[0] + w1 * x[1] + lesson003.biases[0][0], 14);
    expect('z:1:1' in shown).toBe(false);
    act(() => lessonStore.getState().goTo('gradient/mean/2/0'));
    expect(screen.queryByTestId('graph-sample')).toBeNull();
  });
});

describe('the phase bands of a mini-batch', () => {
  it("show each sample's run, then the batch's loss, mean gradients and update; one is current", () => {
    act(() => lessonStore.getState().loadLesson(lesson003, { granularity: 'neuron', cursor: 0 }));
    render(<PhaseScrubber />);
    const bands = screen.getAllByRole('button', { name: /^Go to the/ });
    const names = bands.map((b) => b.textContent);
    const pass = ['forward', 'loss', 'backward', 'gradients'];
    expect(names).toEqual([...pass, ...pass, ...pass, 'loss', 'gradients', 'update']);
    act(() => lessonStore.getState().goTo('sample2/forward/a/1/0'));
    const current = bands.filter((b) => b.getAttribute('aria-current') === 'step');
    expect(current).toEqual([bands[4]]);
  });

  it("counts the iteration's loss once the batch loss is reached, not a sample's", () => {
    act(() => lessonStore.getState().loadLesson(lesson003, { granularity: 'layer', cursor: 0 }));
    act(() => lessonStore.getState().goTo('sample3/gradient/layer/1'));
    expect(selectLossSeries(lessonStore.getState())).toEqual([]);
    act(() => lessonStore.getState().goTo('loss/batch'));
    const series = selectLossSeries(lessonStore.getState());
    expect(series).toHaveLength(1);
    const r = lessonStore.getState();
    expect(series[0]).toBeCloseTo(
      samples.reduce((sum, x) => {
        const a1 = r.lesson.weights[0].map(
          (row, j) =>
            1 / (1 + Math.exp(-(row[0] * x.input[0] + row[1] * x.input[1] + r.lesson.biases[0][j]))),
        );
        const a2 = r.lesson.weights[1].map(
          (row, j) => 1 / (1 + Math.exp(-row.reduce((s, w, k) => s + w * a1[k], r.lesson.biases[1][j]))),
        );
        return sum + 0.5 * ((x.target[0] - a2[0]) ** 2 + (x.target[1] - a2[1]) ** 2);
      }, 0) / 3,
      14,
    );
  });
});
