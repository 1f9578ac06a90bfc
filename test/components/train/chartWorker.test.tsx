// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineChart } from '../../../src/components/train/LineChart';
import { chartPainter, type PainterMessage, type Surface } from '../../../src/components/train/chartDraw';
import { growingHistory } from './growingHistory';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/**
 * Records every call and assignment made on the 2D contexts of the surfaces it is asked about, per surface,
 * each surface named by the order its context was first asked for (s0 the chart's canvas, s1 its stored
 * picture), so two runs' drawings compare as text.
 */
function recorder() {
  const logs: string[][] = [];
  const names = new Map<object, string>();
  const nameOf = (s: object) => {
    if (!names.has(s)) {
      names.set(s, `s${names.size}`);
      logs.push([]);
    }
    return names.get(s)!;
  };
  const contextOf = (s: { width: number; height: number }) => {
    const log = logs[Number(nameOf(s).slice(1))];
    const show = (a: unknown) =>
      names.get(a as object) ??
      (a instanceof Array || a instanceof Float64Array ? `[${[...a].join()}]` : String(a));
    return new Proxy(
      {},
      {
        get:
          (_, k) =>
          (...args: unknown[]) =>
            log.push(`${String(k)}(${args.map(show).join()}) on ${s.width}×${s.height}`),
        set: (_, k, v) => {
          log.push(`${String(k)} = ${show(v)}`);
          return true;
        },
      },
    );
  };
  const surface = () => {
    const s = { width: 300, height: 150, getContext: () => contextOf(s) };
    return s as unknown as Surface;
  };
  return { logs, contextOf, surface };
}

/**
 * Renders the loss chart over a run's frames (each its own task, so the pictures of each are posted at its end):
 * still axes, an axis step, growing on and off, a long jump.
 */
async function runFrames() {
  const history = growingHistory(12000).series;
  const chart = (n: number, xGrowing?: boolean) => (
    <LineChart
      title="Loss per epoch"
      series={history(n)}
      xLabel="Epoch"
      yLabel="Loss"
      formatY={String}
      formatX={(k) => `Epoch ${k}`}
      yDomain={[0, 2]}
      xGrowing={xGrowing}
    />
  );
  const { rerender } = render(chart(10001));
  const frame = async (n: number, xGrowing?: boolean) => {
    rerender(chart(n, xGrowing));
    await Promise.resolve();
  };
  await Promise.resolve();
  for (let n = 10002; n <= 10020; n++) await frame(n);
  for (let n = 10061; n <= 10400; n += 60) await frame(n, true);
  await frame(10400);
  // the same picture again (a frame that added nothing)
  await frame(10400);
  await frame(11900);
  cleanup();
}

describe('the chart worker', () => {
  it('draws, from the pictures the chart hands it, what the page draws without a worker', async () => {
    vi.spyOn(window, 'devicePixelRatio', 'get').mockReturnValue(2);
    // without transferControlToOffscreen (jsdom, or an old browser): drawn on the page
    const page = recorder();
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      return page.contextOf(this) as unknown as RenderingContext;
    });
    await runFrames();
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockRestore();

    // with it: the canvas handed over once, every picture posted; the page draws nothing
    const posted: { message: PainterMessage | PainterMessage[]; transfer: Transferable[] }[] = [];
    const worker = recorder();
    vi.stubGlobal(
      'Worker',
      class {
        postMessage(message: PainterMessage | PainterMessage[], transfer: Transferable[] = []) {
          posted.push({ message, transfer });
        }
        terminate() {}
      },
    );
    const pageContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    const offscreen = worker.surface();
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', {
      configurable: true,
      value: () => offscreen,
    });
    try {
      await runFrames();
    } finally {
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
    }
    expect(pageContext).not.toHaveBeenCalled();
    expect(posted[0].message).toEqual({ id: 1, canvas: offscreen });
    expect(posted[0].transfer).toEqual([offscreen]);
    // one message per frame that changed the picture (29 frames, one repeated), holding that picture
    const pictures = posted.slice(1).map((p) => p.message);
    expect(pictures).toHaveLength(28);
    pictures.forEach((m) => expect(m).toEqual([{ id: 1, drawing: expect.anything() }]));

    // the worker's painter, given those messages, draws on its canvas and stored pictures (one made again after
    // the axis stepped at full speed) what the page drew
    const paint = chartPainter(worker.surface, (draw) => draw());
    for (const p of posted) (Array.isArray(p.message) ? p.message : [p.message]).forEach(paint);
    expect(page.logs).toHaveLength(3);
    expect(worker.logs[0].length).toBeGreaterThan(1000);
    expect(worker.logs).toEqual(page.logs);
    expect([offscreen.width, offscreen.height]).toEqual([960, 440]);
  });

  it('posts the pictures of the charts drawn in one task as one message', async () => {
    const posted: (PainterMessage | PainterMessage[])[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        postMessage(message: PainterMessage | PainterMessage[]) {
          posted.push(message);
        }
        terminate() {}
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', {
      configurable: true,
      value: () => ({}),
    });
    try {
      // a fresh module: its worker made with the stand-in above
      vi.resetModules();
      const { LineChart } = await import('../../../src/components/train/LineChart');
      const { series } = growingHistory(2000);
      const charts = (n: number) => (
        <>
          {['Loss', 'Accuracy'].map((title) => (
            <LineChart
              key={title}
              title={title}
              series={series(n)}
              xLabel="Epoch"
              yLabel={title}
              formatY={String}
              formatX={(k) => `Epoch ${k}`}
              yDomain={[0, 2]}
            />
          ))}
        </>
      );
      const { rerender } = render(charts(1000));
      await Promise.resolve();
      rerender(charts(1100));
      await Promise.resolve();
      const drawn = posted.filter(Array.isArray);
      expect(drawn).toHaveLength(2);
      for (const m of drawn) expect(m.map((p) => ('drawing' in p ? p.id : null))).toEqual([1, 2]);
    } finally {
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
    }
  });

  it('draws only the latest picture of a canvas when pictures arrive faster than it draws', () => {
    const { logs, surface } = recorder();
    const waiting: (() => void)[] = [];
    const paint = chartPainter(surface, (draw) => waiting.push(draw));
    const canvas = surface();
    paint({ id: 7, canvas: canvas as OffscreenCanvas });
    const drawing = (y: number) => ({
      pixelWidth: 200,
      pixelHeight: 100,
      width: 100,
      height: 50,
      pixels: [Float64Array.of(0, y, 50, y, 100, y)],
      styles: [{ color: 'red', width: 2, dashed: false }],
      storeOnMove: false,
    });
    paint({ id: 7, drawing: drawing(10) });
    paint({ id: 7, drawing: drawing(20) });
    paint({ id: 7, drawing: drawing(30) });
    expect(waiting).toHaveLength(1);
    waiting[0]();
    const moves = logs[0].filter((l) => l.startsWith('moveTo'));
    expect(moves).toEqual(['moveTo(0,30) on 200×100']);
    // a canvas let go is not drawn
    paint({ id: 7, drawing: drawing(40) });
    paint({ id: 7, release: true });
    waiting[1]();
    expect(logs[0].filter((l) => l.startsWith('moveTo'))).toHaveLength(1);
  });
});
