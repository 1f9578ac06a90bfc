// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../../src/engine';
import {
  LARGE_NET_EDGES,
  NetworkGraph,
  type NetworkGraphProps,
} from '../../../src/components/graph/NetworkGraph';
import { GraphLegend } from '../../../src/components/graph/GraphLegend';
import { en } from '../../../src/i18n/en';

afterEach(cleanup);

import { lesson004 as lesson004Fixture } from '../../support/lesson004';
import { eId, nId, vId } from '../../support/ids';

/** A small real English translator, so accessible names read as users hear them. */
const t = (key: string, params: Record<string, unknown> = {}) =>
  ((en as Record<string, string>)[key] ?? key).replace(/\{(\w+)\}/g, (m, k: string) =>
    String(params[k] ?? m),
  );
const format = (x: number) => x.toFixed(2);

/** Lesson 004's 3-3-2 network (the shared test fixture), with any fields replaced. */
function lesson004(over: Partial<Lesson> = {}): Lesson {
  return { ...lesson004Fixture(), ...over };
}

/** The givens the caller always passes: x, t, w (and b). */
function givens(l: Lesson): Record<string, number> {
  const v: Record<string, number> = {};
  l.sample.input.forEach((x, k) => (v[`x:${k}`] = x));
  l.sample.target.forEach((x, j) => (v[`t:${j}`] = x));
  l.weights.forEach((m, i) => m.forEach((row, j) => row.forEach((w, k) => (v[`w:${i + 1}:${j}:${k}`] = w))));
  if (l.useBias) l.biases.forEach((row, i) => row.forEach((b, j) => (v[`b:${i + 1}:${j}`] = b)));
  return v;
}

// z¹₁ = 0.9·0.9 + 0.3·0.1 + 0.4·0.8
const Z110 = 0.9 * 0.9 + 0.3 * 0.1 + 0.4 * 0.8;

function draw(props: Partial<NetworkGraphProps> = {}) {
  const l = props.lesson ?? lesson004();
  const all: NetworkGraphProps = { lesson: l, shown: givens(l), highlight: null, format, t, ...props };
  const view = render(<NetworkGraph {...all} />);
  const el = (id: string) => view.container.querySelector(`[data-id="${id}"]`) as unknown as HTMLElement;
  return {
    ...view,
    el,
    rerenderWith: (p: Partial<NetworkGraphProps>) => view.rerender(<NetworkGraph {...all} {...p} />),
  };
}

describe('NetworkGraph', () => {
  it('is a labelled, responsive group of two stacked drawings with every neuron and weight', () => {
    const { container } = draw();
    const group = screen.getByRole('group', { name: 'Network graph' });
    const layers = [...group.querySelectorAll(':scope > .graph-stage > svg')];
    expect(layers.map((l) => l.getAttribute('viewBox'))).toEqual(['0 0 800 480', '0 0 800 480']);
    // the edges beneath, the neurons on top
    expect(layers[0].querySelectorAll('[data-id^="e:"]')).toHaveLength(15);
    expect(layers[1].querySelectorAll('[data-id^="n:"]')).toHaveLength(8);
    expect(container.querySelectorAll('[data-id^="n:"]')).toHaveLength(8);
    expect(container.querySelectorAll('[data-id^="e:"]')).toHaveLength(15);
    expect(container.querySelector('[data-id^="bn:"]')).toBeNull();
  });

  it('shows the given inputs and weights, with their symbols', () => {
    const { el, container } = draw();
    // lesson 004's own symbols: input X₁, hidden activation O_hidden,3 (subscript drawn lowered)
    expect(within(el('n:0:0')).getByText('X₁')).toBeTruthy();
    expect(el('n:0:0').textContent).toContain('0.90');
    expect(el('n:1:2').querySelector('.graph-node__symbol')!.textContent).toBe('Ohidden,3');
    expect(el('n:1:2').querySelector('.graph-sub')!.textContent).toBe('hidden,3');
    const label = container.querySelector('[data-for="e:2:1:0"]')!;
    expect(label.textContent).toBe('0.60');
    expect(container.querySelectorAll('.graph-label')).toHaveLength(15);
  });

  it('keeps z blank until it is shown, then shows it', () => {
    const { el, rerenderWith } = draw();
    expect(el('n:1:0').textContent).not.toContain(format(Z110));
    rerenderWith({ shown: { ...givens(lesson004()), [vId('z:1:0')]: Z110 } });
    expect(el('n:1:0').textContent).toContain('1.16');
    expect(el('n:1:0').textContent).not.toContain('δ');
  });

  it('shows δ in a badge and the updated weight beside the old one once shown', () => {
    const { el, container } = draw({
      shown: { ...givens(lesson004()), [vId('d:2:0')]: -0.0213, [vId('w+:2:0:1')]: 0.6534 },
    });
    expect(el('n:2:0').querySelector('.graph-node__delta')!.textContent).toBe('δ -0.02');
    expect(container.querySelector('[data-for="e:2:0:1"]')!.textContent).toBe('0.70→ 0.65');
    expect(container.querySelector('[data-for="e:2:0:0"]')!.textContent).toBe('0.30');
  });

  it('marks the step’s nodes and edges and dims the rest', () => {
    const highlight = {
      nodes: ['n:1:0'].map(nId),
      edges: ['e:1:0:0', 'e:1:0:1', 'e:1:0:2'].map(eId),
      backward: false,
    };
    const { el, container } = draw({ highlight });
    const lit = [...container.querySelectorAll('[data-highlighted]')].map((e) => e.getAttribute('data-id'));
    expect(lit.sort()).toEqual(['e:1:0:0', 'e:1:0:1', 'e:1:0:2', 'n:1:0']);
    expect(el('n:2:0').hasAttribute('data-dimmed')).toBe(true);
    expect(el('e:2:0:0').hasAttribute('data-dimmed')).toBe(true);
    // the edges fade as one drawing; the step's own are drawn again on top, with a halo
    expect(container.querySelector('.graph')!.classList.contains('graph--dimming')).toBe(true);
    const copies = [...container.querySelectorAll('.graph-edge-copy')];
    expect(copies.map((c) => c.getAttribute('data-copy-of')).sort()).toEqual([
      'e:1:0:0',
      'e:1:0:1',
      'e:1:0:2',
    ]);
    expect(
      copies.every((c) => c.querySelector('.graph-edge__halo') && c.closest('[aria-hidden="true"]')),
    ).toBe(true);
    expect(container.querySelector('.graph-flow')).toBeNull();
  });

  it('animates the error flowing back along backward edges, unless motion is reduced', () => {
    const highlight = { nodes: ['n:1:1'].map(nId), edges: ['e:2:0:1', 'e:2:1:1'].map(eId), backward: true };
    const { container, rerenderWith } = draw({ highlight });
    expect(container.querySelectorAll('.graph-flow')).toHaveLength(2);
    expect(container.querySelectorAll('.graph-flow--animated')).toHaveLength(2);
    rerenderWith({ highlight, reducedMotion: true });
    expect(container.querySelectorAll('.graph-flow')).toHaveLength(2);
    expect(container.querySelector('.graph-flow--animated')).toBeNull();
  });

  it('keeps the selected edge bright while a step dims the rest', () => {
    const highlight = { nodes: ['n:1:0'].map(nId), edges: ['e:1:0:0'].map(eId), backward: false };
    const { el, container } = draw({ highlight, selectedEdge: eId('e:2:1:2') });
    expect(el('e:2:1:2').hasAttribute('data-dimmed')).toBe(false);
    expect(el('e:2:1:2').hasAttribute('data-highlighted')).toBe(false);
    expect(container.querySelector('[data-for="e:2:1:2"]')!.classList.contains('is-dimmed')).toBe(false);
  });

  it('draws a chain-rule path strongly', () => {
    const pathHighlight = {
      nodes: ['n:0:0', 'n:1:0', 'n:2:1'].map(nId),
      edges: ['e:1:0:0', 'e:2:1:0'].map(eId),
    };
    const { el } = draw({ pathHighlight });
    expect(el('e:2:1:0').getAttribute('data-path')).toBe('true');
    const copy = document.querySelector('[data-copy-of="e:2:1:0"]')!;
    expect(copy.classList.contains('is-path')).toBe(true);
    expect(copy.querySelector('.graph-edge__halo')).not.toBeNull();
    expect(el('e:2:0:0').hasAttribute('data-dimmed')).toBe(true);
  });

  it('selects an edge with Enter, Space or a click, and a neuron with Enter', () => {
    const onSelectEdge = vi.fn();
    const onSelectNode = vi.fn();
    const { el } = draw({ onSelectEdge, onSelectNode, selectedEdge: eId('e:2:0:0') });
    fireEvent.keyDown(el('e:1:0:0'), { key: 'Enter' });
    expect(onSelectEdge).toHaveBeenLastCalledWith('e:1:0:0');
    fireEvent.keyDown(el('e:1:1:2'), { key: ' ' });
    expect(onSelectEdge).toHaveBeenLastCalledWith('e:1:1:2');
    fireEvent.click(el('e:2:1:1').querySelector('.graph-edge__hit')!);
    expect(onSelectEdge).toHaveBeenLastCalledWith('e:2:1:1');
    fireEvent.keyDown(el('n:2:1'), { key: 'Enter' });
    expect(onSelectNode).toHaveBeenCalledWith('n:2:1');
    expect(el('e:2:0:0').getAttribute('aria-pressed')).toBe('true');
    expect(el('e:2:0:0').getAttribute('data-selected')).toBe('true');
  });

  it('makes every neuron and weight a focusable button with a spoken name and its values', () => {
    draw({
      lesson: lesson004({
        weights: [
          lesson004().weights[0],
          [
            [0.3, -0.7, 0.5],
            [0.6, 0.5, 0.2],
          ],
        ],
      }),
    });
    const buttons = screen.getAllByRole('button').filter((b) => b.hasAttribute('data-id'));
    expect(buttons).toHaveLength(8 + 15);
    // one tab stop (roving tabindex): the first input; the others are reached with ↑/↓
    expect(buttons.filter((b) => b.getAttribute('tabindex') === '0').map((b) => b.dataset.id)).toEqual([
      'n:0:0',
    ]);
    buttons.forEach((b) => expect(['0', '-1']).toContain(b.getAttribute('tabindex')));
    expect(
      screen.getByRole('button', {
        name: 'Weight w₁,₁ from input X₁ to hidden neuron O_hidden,1: 0.90, positive',
      }),
    ).toBeTruthy();
    // lesson 004 writes the weight from hidden neuron k to output j as w′_{k,j}
    expect(
      screen.getByRole('button', {
        name: 'Weight w′₂,₁ from hidden neuron O_hidden,2 to output neuron O_output,1: -0.70, negative',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Input X₂: X₂ 0.10' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hidden neuron O_hidden,1: not computed yet' })).toBeTruthy();
  });

  it('draws negative weights dashed in their own colour class', () => {
    const { el } = draw({
      lesson: lesson004({
        weights: [
          lesson004().weights[0],
          [
            [0.3, -0.7, 0.5],
            [0.6, 0.5, 0.2],
          ],
        ],
      }),
    });
    const line = (id: string) => el(id).querySelector('.graph-edge__line')!;
    expect(el('e:2:0:1').classList.contains('graph-edge--neg')).toBe(true);
    expect(line('e:2:0:1').getAttribute('stroke-dasharray')).toBeTruthy();
    expect(line('e:2:0:0').getAttribute('stroke-dasharray')).toBeNull();
    expect(Number(line('e:1:0:0').getAttribute('stroke-width'))).toBeGreaterThan(
      Number(line('e:1:2:1').getAttribute('stroke-width')),
    );
  });

  it('shows a tooltip with all values on focus and hover, blank ones marked not computed yet', () => {
    const { el, container } = draw({ shown: { ...givens(lesson004()), [vId('z:1:0')]: Z110 } });
    fireEvent.focus(el('n:1:0'));
    const tip = () => container.querySelector('.graph-tooltip')?.textContent ?? '';
    expect(tip()).toContain('Hidden neuron Ohidden,1');
    expect(tip()).toContain('Xhidden,11.16');
    expect(tip()).toContain('δhidden,1not computed yet');
    fireEvent.blur(el('n:1:0'));
    expect(container.querySelector('.graph-tooltip')).toBeNull();
    fireEvent.mouseOver(el('e:2:1:2').querySelector('.graph-edge__line')!);
    expect(tip()).toContain('w′₃,₂: hidden neuron Ohidden,3 → output neuron Ooutput,2');
    expect(tip()).toContain('w′₃,₂0.20');
    expect(tip()).toContain('∂E/∂w′₃,₂not computed yet');
  });

  it('draws the bias as a "1" node per layer with its own edges', () => {
    const l = lesson004({
      useBias: true,
      biases: [
        [0.1, -0.2, 0.3],
        [0.4, 0.5],
      ],
    });
    const { container, el } = draw({ lesson: l, shown: givens(l) });
    expect(el('bn:1').textContent).toBe('1');
    expect(el('bn:2').textContent).toBe('1');
    expect(container.querySelectorAll('[data-id^="eb:"]')).toHaveLength(5);
    expect(
      screen.getByRole('button', { name: 'Bias b_hidden,2 of hidden neuron O_hidden,2: -0.20, negative' }),
    ).toBeTruthy();
  });

  it('shows the weight labels of a dense layer pair only on hover or focus', () => {
    const l = lesson004({
      layers: [{ size: 6 }, { size: 6, activation: 'sigmoid' }, { size: 2, activation: 'sigmoid' }],
      weights: [
        Array.from({ length: 6 }, () => Array(6).fill(0.5)),
        Array.from({ length: 2 }, () => Array(6).fill(-0.5)),
      ],
      biases: [Array(6).fill(0), [0, 0]],
      sample: { input: Array(6).fill(1), target: [0, 1] },
    });
    const { container, el } = draw({ lesson: l, shown: givens(l) });
    // 42 edges into the hidden layer are too many to label; the 14 into the outputs are not
    expect(container.querySelectorAll('.graph-label[data-for^="e:1:"]')).toHaveLength(0);
    expect(container.querySelectorAll('.graph-label[data-for^="e:2:"]')).toHaveLength(12);
    fireEvent.focus(el('e:1:1:3'));
    expect(container.querySelector('[data-for="e:1:1:3"]')!.textContent).toBe('0.50');
    // the focused edge is drawn again on top with a ring, undimmed
    expect(container.querySelector('[data-copy-of="e:1:1:3"] .graph-edge__ring')).not.toBeNull();
  });
  it('draws large nets lean: no fade (each faded frame would repaint every edge), no wide hit areas', () => {
    const { container } = draw();
    expect(container.querySelector('.graph')!.classList.contains('graph--large')).toBe(false);
    expect(container.querySelectorAll('.graph-edge__hit')).toHaveLength(15);
    const sizes = [20, 30, 30];
    const l = lesson004({
      layers: sizes.map((size, i) => (i === 0 ? { size } : { size, activation: 'sigmoid' as const })),
      weights: sizes.slice(1).map((n, i) => Array.from({ length: n }, () => Array(sizes[i]).fill(0.5))),
      biases: sizes.slice(1).map((n) => Array(n).fill(0)),
      sample: { input: Array(20).fill(1), target: Array(30).fill(0) },
    });
    cleanup();
    const big = draw({ lesson: l, shown: givens(l) });
    expect(big.container.querySelectorAll('.graph-edge')).toHaveLength(LARGE_NET_EDGES + 500);
    expect(big.container.querySelector('.graph')!.classList.contains('graph--large')).toBe(true);
    // no wide hit areas either: at that density they would overlap; the line itself takes the pointer
    expect(big.container.querySelector('.graph-edge__hit')).toBeNull();
  });
});

describe('GraphLegend', () => {
  it('explains width, colour and dash', () => {
    const { container } = render(<GraphLegend t={t} />);
    expect(container.textContent).toContain('positive');
    expect(container.textContent).toContain('negative');
    expect(container.textContent).toContain(en['graph.legend']);
    expect(container.querySelector('.graph-edge--neg')!.getAttribute('stroke-dasharray')).toBeTruthy();
  });
});
