// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LineChart, type LineChartProps, type LineSeries } from '../../../src/components/train/LineChart';
import { growingHistory } from './growingHistory';

// every chart here draws on a fake canvas (a test reads its calls from its own)
beforeEach(() => {
  fakeCanvas(1);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/**
 * jsdom has no canvas: a fake 2D context per canvas recording each stroked line (its points in the chart's units,
 * its dash and dash offset), the transform and the count of strokes; at a device pixel ratio of `ratio`. Each
 * canvas keeps the lines it shows (cleared by clearRect, another canvas' lines copied by drawImage): `shown()`
 * gives the chart's canvas' picture as one line per series (the parts of a series, from the stored picture and
 * drawn over it, joined at their shared point).
 */
function fakeCanvas(ratio: number) {
  type Line = { points: [number, number][]; dash: number[]; offset: number };
  const pictures = new Map<HTMLCanvasElement, Line[]>();
  const calls = {
    transform: [] as number[],
    lines: [] as Line[],
    strokes: 0,
    shown: (): Line[] => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="chart-canvas"]')!;
      const joined: Line[] = [];
      for (const l of pictures.get(canvas) ?? []) {
        const same = joined.find((j) => j.dash.join() === l.dash.join());
        if (!same) joined.push({ ...l, points: [...l.points] });
        else {
          // a part drawn over the stored picture starts at the stored part's last point
          expect(l.points[0]).toEqual(same.points.at(-1));
          same.points.push(...l.points.slice(1));
        }
      }
      return joined;
    },
  };
  const contextOf = (canvas: HTMLCanvasElement) => {
    let points: [number, number][] = [];
    let dash: number[] = [];
    const ctx = {
      lineDashOffset: 0,
      setTransform: (...m: number[]) => canvas.isConnected && (calls.transform = m),
      clearRect: () => pictures.set(canvas, []),
      drawImage: (source: HTMLCanvasElement) =>
        pictures.set(canvas, [...(pictures.get(canvas) ?? []), ...(pictures.get(source) ?? [])]),
      setLineDash: (d: number[]) => (dash = d),
      beginPath: () => (points = []),
      moveTo: (x: number, y: number) => points.push([x, y]),
      lineTo: (x: number, y: number) => points.push([x, y]),
      stroke: () => {
        calls.strokes++;
        const line = { points, dash, offset: ctx.lineDashOffset };
        calls.lines.push(line);
        pictures.set(canvas, [...(pictures.get(canvas) ?? []), line]);
      },
    };
    return ctx as unknown as CanvasRenderingContext2D;
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return contextOf(this);
  });
  vi.spyOn(window, 'devicePixelRatio', 'get').mockReturnValue(ratio);
  return calls;
}

// The full chart's box (LineChart.tsx): 480 × 220, margins top 10, right 14, bottom 38, left 56.
const LEFT = 56;
const RIGHT = 480 - 14;
const TOP = 10;
const BOTTOM = 220 - 38;

/** 10,000 epochs: training loss falling as 1/epoch, validation as 2/epoch, the last epoch's values set apart. */
function history(n: number): LineSeries[] {
  const train = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  const validation = Array.from({ length: n }, (_, i) => 2 / (i + 1));
  train[n - 1] = 0.25;
  validation[n - 1] = 0.75;
  return [
    { key: 'train', label: 'Training loss', values: train },
    { key: 'validation', label: 'Validation loss', values: validation, dashed: true },
  ];
}

/** The loss chart of `series` on the domain [0, 2], with any other props given. */
function lossChart(series: LineSeries[], props: Partial<LineChartProps> = {}) {
  return (
    <LineChart
      title="Loss per epoch"
      series={series}
      xLabel="Epoch"
      yLabel="Loss"
      formatY={String}
      formatX={(n) => `Epoch ${n}`}
      yDomain={[0, 2]}
      {...props}
    />
  );
}

function renderChart(series: LineSeries[]) {
  return render(lossChart(series));
}

/** A growing history (growingHistory.ts) and `chart(n)`, the loss chart of its first n epochs. */
function growingChart(size: number, props: Partial<LineChartProps> = {}) {
  const { train, validation, series } = growingHistory(size);
  return { train, validation, chart: (n: number) => lossChart(series(n), props) };
}

describe('LineChart', () => {
  it('draws 10,000 epochs decimated on a canvas, with the last point of each series where its value is', () => {
    const calls = fakeCanvas(2);
    const { container } = renderChart(history(10000));
    const groups = container.querySelectorAll<SVGGElement>('g.series');
    expect(groups).toHaveLength(2);
    const canvas = screen.getByTestId('chart-canvas') as HTMLCanvasElement;
    // 480 × 220 CSS pixels at a device pixel ratio of 2, the chart's units scaled to them
    expect([canvas.width, canvas.height]).toEqual([960, 440]);
    expect(calls.transform).toEqual([2, 0, 0, 2, 0, 0]);
    const shown = calls.shown();
    expect(shown).toHaveLength(2);
    for (const [n, last] of [
      [0, 0.25],
      [1, 0.75],
    ] as const) {
      const g = groups[n];
      expect(Number(g.dataset.points)).toBeLessThan(2000);
      const dot = g.querySelector('circle.last')!;
      expect(Number(dot.getAttribute('cx'))).toBeCloseTo(RIGHT, 9);
      // y = bottom − value / 2 × (bottom − top) with the domain [0, 2]
      expect(Number(dot.getAttribute('cy'))).toBeCloseTo(BOTTOM - (last / 2) * (BOTTOM - TOP), 9);
      // no path string: the canvas line starts at epoch 1 and ends at that point, in the series' style
      expect(g.querySelector('path')!.getAttribute('d')).toBe('');
      const line = shown[n];
      expect(line.points).toHaveLength(Number(g.dataset.points));
      expect(line.points[0][0]).toBeCloseTo(LEFT, 9);
      expect(line.points[0][1]).toBeCloseTo(BOTTOM - (n === 0 ? 1 / 2 : 2 / 2) * (BOTTOM - TOP), 9);
      const end = line.points.at(-1)!;
      expect(end[0]).toBeCloseTo(RIGHT, 9);
      expect(end[1]).toBeCloseTo(BOTTOM - (last / 2) * (BOTTOM - TOP), 9);
      expect(line.dash).toEqual(n === 1 ? [5, 3] : []);
    }
  });

  it('growing, ends its x axis on a round number past the last epoch, the last point and read-out still exact', () => {
    const calls = fakeCanvas(1);
    const series = history(10001);
    const chart = (xGrowing?: boolean) => lossChart(series, { xGrowing });
    const { container, rerender } = render(chart(true));
    // 10,001 epochs growing: steps of 5,000 epochs, so the axis runs 1 … 15,000 and epoch 10,001 is at
    // 56 + 410 × 10,000 / 14,999, its ticks 5,000, 10,000 and 15,000 the axis' round steps
    const at10001 = LEFT + ((RIGHT - LEFT) * 10000) / 14999;
    const dot = () => Number(container.querySelector('g.series circle.last')!.getAttribute('cx'));
    expect(dot()).toBeCloseTo(at10001, 9);
    const ticks = () =>
      [...container.querySelectorAll('[data-testid="x-axis"] .tick text')].map((t) => t.textContent);
    expect(ticks()).toEqual(['2000', '4000', '6000', '8000', '10000', '12000', '14000']);
    expect(calls.shown()[0].points.at(-1)![0]).toBeCloseTo(at10001, 9);
    expect(calls.shown()[0].points.at(-1)![1]).toBeCloseTo(BOTTOM - (0.25 / 2) * (BOTTOM - TOP), 9);
    const svg = screen.getByRole('img', { name: 'Loss per epoch' });
    fireEvent.focus(svg);
    expect(screen.getByTestId('chart-readout').textContent).toBe(
      'Epoch 10001 · Training loss 0.25 · Validation loss 0.75',
    );
    // paused: steps of 16, the axis 1 … 10,016
    rerender(chart(false));
    expect(dot()).toBeCloseTo(LEFT + ((RIGHT - LEFT) * 10000) / 10015, 9);
  });

  it('keeps a short series an SVG path, with no canvas', () => {
    const calls = fakeCanvas(1);
    const { container } = renderChart(history(500));
    expect(screen.queryByTestId('chart-canvas')).toBeNull();
    expect(calls.lines).toHaveLength(0);
    const d = container.querySelector('.series-0 path')!.getAttribute('d')!;
    const end = d.split(/[ML]/).at(-1)!.split(',').map(Number);
    expect(end[0]).toBeCloseTo(RIGHT, 1);
    expect(end[1]).toBeCloseTo(BOTTOM - (0.25 / 2) * (BOTTOM - TOP), 1);
  });

  it('redraws the canvas when the history grows, not when the read-out moves', () => {
    const calls = fakeCanvas(1);
    const { rerender } = renderChart(history(1000));
    // a first picture: each series drawn whole
    expect(calls.strokes).toBe(2);
    const chart = screen.getByRole('img', { name: 'Loss per epoch' });
    fireEvent.focus(chart);
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(calls.strokes).toBe(2);
    const chart1001 = lossChart(history(1001));
    rerender(chart1001);
    // the axis moved (and every bucket with it): drawn whole again
    expect(calls.strokes).toBe(4);
    // 1,000 epochs over 410 px is 2.44 epochs a pixel: the axis ends at the next multiple of 2, epoch 1002, so
    // epoch 1001 sits 1/1001 of the plot (0.41 px) before its end
    expect(calls.shown()[0].points.at(-1)![0]).toBeCloseTo(LEFT + (1000 / 1001) * (RIGHT - LEFT), 9);
    // the same history again (a frame that added nothing): not drawn again
    rerender(chart1001);
    expect(calls.strokes).toBe(4);
  });

  it('draws only the last points over its stored picture while a growing history keeps its axes', () => {
    const calls = fakeCanvas(1);
    const { train, validation, chart } = growingChart(10100);
    const { container, rerender } = render(chart(10001));
    expect(calls.strokes).toBe(2);
    // epochs 10,002 … 10,016: the axis stays at 10,016 (steps of 16). At 10,002 each series but its last 16
    // points is where it was: stored (two strokes) and the rest drawn over its copy (two); then the rest alone
    for (let n = 10002; n <= 10016; n++) {
      rerender(chart(n));
      expect(calls.strokes).toBe(2 + 4 + 2 * (n - 10002));
      const shown = calls.shown();
      const groups = container.querySelectorAll<SVGGElement>('g.series');
      for (const k of [0, 1]) {
        // the picture: every decimated point once, the last at epoch n's value on the axis' end (x = 10016)
        expect(shown[k].points).toHaveLength(Number(groups[k].dataset.points));
        const last = shown[k].points.at(-1)!;
        expect(last[0]).toBeCloseTo(LEFT + ((n - 1) / 10015) * (RIGHT - LEFT), 9);
        const v = (k === 0 ? train : validation)[n - 1];
        expect(last[1]).toBeCloseTo(BOTTOM - (v / 2) * (BOTTOM - TOP), 9);
      }
    }
    // the dashed series goes on where its stored part's dashes stopped: offset = that part's length
    const rest = calls.lines.at(-1)!;
    expect(rest.dash).toEqual([5, 3]);
    const stored = calls.lines.slice(2).find((l) => l.dash.length > 0 && l.points.length > 100)!;
    let length = 0;
    for (let k = 1; k < stored.points.length; k++)
      length += Math.hypot(
        stored.points[k][0] - stored.points[k - 1][0],
        stored.points[k][1] - stored.points[k - 1][1],
      );
    expect(rest.offset).toBeCloseTo(length, 9);
    expect(rest.offset).toBeGreaterThan(0);
    // epoch 10,017: the axis steps to 10,032, every point moves: drawn whole, nothing stored
    rerender(chart(10017));
    expect(calls.strokes).toBe(2 + 4 + 2 * 14 + 2);
    expect(calls.shown()[0].points).toHaveLength(
      Number(container.querySelector<SVGGElement>('g.series')!.dataset.points),
    );
  });

  it('growing, strokes each line whole once per axis step, the picture stored on the step’s own frame', () => {
    const calls = fakeCanvas(1);
    const { train, validation, chart } = growingChart(16000, { xGrowing: true });
    // a stroke of more than 100 points: a line drawn whole (or its stored part), not the last few points
    const long = () => calls.lines.filter((l) => l.points.length > 100).length;
    const { container, rerender } = render(chart(10001));
    // the first frame: each series stored (a long stroke each) and its last points drawn over the copy
    expect(long()).toBe(2);
    expect(calls.strokes).toBe(4);
    // 10,002 … 10,301 in steps of 60 epochs (a run at full speed): the axis holds at 15,000, no long stroke
    for (let n = 10061; n <= 10301; n += 60) rerender(chart(n));
    expect(long()).toBe(2);
    // on to 14,941 (the picture stored again once its rest has grown) and 15,001: the axis steps to 20,000;
    // each series stroked whole once (stored), not again on the next frame
    rerender(chart(14941));
    const before = long();
    rerender(chart(15001));
    expect(long()).toBe(before + 2);
    rerender(chart(15061));
    expect(long()).toBe(before + 2);
    // the picture: every decimated point once, the last at its value, at epoch 15,061 on an axis 1 … 20,000
    const shown = calls.shown();
    const groups = container.querySelectorAll<SVGGElement>('g.series');
    for (const k of [0, 1]) {
      expect(shown[k].points).toHaveLength(Number(groups[k].dataset.points));
      const last = shown[k].points.at(-1)!;
      expect(last[0]).toBeCloseTo(LEFT + (15060 / 19999) * (RIGHT - LEFT), 9);
      const v = (k === 0 ? train : validation)[15060];
      expect(last[1]).toBeCloseTo(BOTTOM - (v / 2) * (BOTTOM - TOP), 9);
    }
  });

  it('leaves the axes untouched while a long history grows within one step of its x axis', () => {
    const chart = (n: number) => lossChart(history(n));
    const { rerender } = render(chart(10000));
    const axes = [screen.getByTestId('x-axis'), screen.getByTestId('y-axis')];
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    for (const a of axes)
      observer.observe(a, { subtree: true, attributes: true, childList: true, characterData: true });
    // 10,000 epochs over 410 px: the axis grows in steps of 16 epochs (to 10,016 once epoch 10,001 is in)
    rerender(chart(10001));
    const at = () => screen.getByTestId('x-axis').querySelector('.tick')!.getAttribute('transform');
    const moved = at();
    changes.length = 0;
    for (let n = 10002; n <= 10016; n++) rerender(chart(n));
    observer.takeRecords();
    expect(changes).toEqual([]);
    expect(at()).toBe(moved);
    // the next epoch takes the axis to 10,032: the ticks move (tick 2000 at 56 + 1999 / 10031 × 410)
    rerender(chart(10017));
    const [tx, ty] = /translate\(([\d.]+),([\d.]+)\)/.exec(at()!)!.slice(1).map(Number);
    expect(tx).toBeCloseTo(56 + (1999 / 10031) * 410, 9);
    expect(ty).toBe(182);
    observer.disconnect();
  });

  it('early in a run at full speed, moves its axes on a few frames, not on every one', () => {
    /** Frames (of epochs 100, 200, … 3,000, 100 a frame) on which the x axis changed, growing or paused. */
    const framesMoved = (xGrowing: boolean) => {
      const { rerender, unmount } = render(lossChart(history(100), { xGrowing }));
      const changes: MutationRecord[] = [];
      const observer = new MutationObserver((records) => changes.push(...records));
      observer.observe(screen.getByTestId('x-axis'), {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });
      const ends: number[] = [];
      let moved = 0;
      for (let n = 200; n <= 3000; n += 100) {
        rerender(lossChart(history(n), { xGrowing }));
        changes.push(...observer.takeRecords());
        if (changes.length > 0) moved++;
        changes.length = 0;
        const ticks = [...screen.getByTestId('x-axis').querySelectorAll('.tick text')];
        ends.push(Number(ticks.at(-1)!.textContent));
      }
      observer.disconnect();
      unmount();
      return { moved, ends };
    };
    // growing: the axis ends at 200, 300, 400, 600, 800, 1,000, 1,500, 2,000, 2,500, 3,000 (a round step about
    // a third of it): 10 of 29 frames; paused, it ends at the last epoch and moves on every frame
    const growing = framesMoved(true);
    expect(growing.moved).toBe(10);
    expect(framesMoved(false).moved).toBe(29);
    // its last tick is a round number at or before the axis' end
    growing.ends.forEach((t) => expect(t % 100).toBe(0));
  });

  it('has axes with ticks and titles, and a legend', () => {
    renderChart(history(10000));
    const xTicks = [...screen.getByTestId('x-axis').querySelectorAll('.tick text')].map((t) => t.textContent);
    expect(xTicks).toEqual(['2000', '4000', '6000', '8000', '10000']);
    const yTicks = [...screen.getByTestId('y-axis').querySelectorAll('.tick text')].map((t) => t.textContent);
    expect(yTicks).toEqual(['0', '0.5', '1', '1.5', '2']);
    expect(screen.getByText('Epoch')).toBeTruthy();
    expect(screen.getByText('Loss')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Training loss',
      'Validation loss',
    ]);
  });

  it('reads out exact values from the keyboard and under the pointer', () => {
    renderChart(history(10000));
    const chart = screen.getByRole('img', { name: 'Loss per epoch' });
    const readout = () => screen.getByTestId('chart-readout').textContent;
    fireEvent.focus(chart);
    expect(readout()).toBe('Epoch 10000 · Training loss 0.25 · Validation loss 0.75');
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(readout()).toBe(`Epoch 9999 · Training loss ${1 / 9999} · Validation loss ${2 / 9999}`);
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(readout()).toBe('Epoch 1 · Training loss 1 · Validation loss 2');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(readout()).toBe('Epoch 2 · Training loss 0.5 · Validation loss 1');
    // the pointer at 3/4 of the plot's width (the svg drawn 1:1): epoch 1 + 0.75 × 9999 ≈ 7500
    chart.getBoundingClientRect = () => ({ left: 0, top: 0, width: 480, height: 220 }) as DOMRect;
    fireEvent.pointerMove(chart, { clientX: LEFT + 0.75 * (RIGHT - LEFT) });
    const epoch = Math.round(1 + 0.75 * 9999);
    expect(readout()).toBe(`Epoch ${epoch} · Training loss ${1 / epoch} · Validation loss ${2 / epoch}`);
  });

  it('draws an empty history without points and says nothing', () => {
    const { container } = renderChart(history(0).map((s) => ({ ...s, values: [] })));
    expect(container.querySelectorAll('circle.last')).toHaveLength(0);
    expect(screen.getByTestId('chart-readout').textContent).toBe('\u00a0');
  });
});

describe('LineChart with x per value and marks', () => {
  it('places each value at its x, reads out by x, and names its marks in a list', () => {
    const series: LineSeries[] = [{ key: 'loss', label: 'Loss', values: [1, 0.5, 0.25], xs: [1, 1.5, 3] }];
    render(
      <LineChart
        title="Loss per epoch"
        series={series}
        xLabel="Epoch"
        yLabel="Loss"
        formatY={String}
        formatX={(x, i) => `x ${x} (value ${i})`}
        yDomain={[0, 1]}
        marks={[{ x: 2, label: 'η = 0.1', description: 'Learning rate changed to 0.1 after epoch 2' }]}
        marksLabel="Learning-rate changes"
      />,
    );
    // x runs over 1 … 3: value 1 (x = 1.5) is a quarter of the way, the mark (x = 2) half way
    const d = document.querySelector('.series-0 path')!.getAttribute('d')!;
    const xs = [...d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    const at = (x: number) => LEFT + ((x - 1) / 2) * (RIGHT - LEFT);
    expect(xs).toHaveLength(3);
    xs.forEach((v, i) => expect(v).toBeCloseTo(at([1, 1.5, 3][i]), 0));
    const mark = screen.getByTestId('chart-mark');
    expect(Number(mark.querySelector('line')!.getAttribute('x1'))).toBeCloseTo(at(2), 6);
    expect(mark.textContent).toBe('η = 0.1');
    const list = screen.getByRole('list', { name: 'Learning-rate changes' });
    expect(list.textContent).toBe('Learning rate changed to 0.1 after epoch 2');
    const svg = screen.getByRole('img', { name: 'Loss per epoch' });
    fireEvent.focus(svg);
    expect(screen.getByTestId('chart-readout').textContent).toBe('x 3 (value 2) · Loss 0.25');
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(screen.getByTestId('chart-readout').textContent).toBe('x 1.5 (value 1) · Loss 0.5');
  });
});
