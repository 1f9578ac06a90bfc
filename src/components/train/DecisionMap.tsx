import { useEffect, useMemo, useRef } from 'react';
import type { Sample } from '../../engine';
import { classOf, decisionGrid, extentOf } from './predictions';

interface Props {
  predict: (x: ArrayLike<number>) => ArrayLike<number>;
  train: readonly Sample[];
  validation: readonly Sample[];
  /** Picks the training sample nearest to a click. */
  onPick: (index: number) => void;
  picked: number | null;
  label: string;
}

/** Cells across and down the map. */
export const GRID = 48;
const SIZE = 240;
/** Least time between two drawings of the map (its forward passes are the Train view's dearest per frame). */
const MAP_MS = 100;

/** Colours of class 0 and class 1 (the graph's negative and positive colours), as RGB. */
const CLASS_RGB: [number, number, number][] = [
  [213, 94, 0],
  [0, 114, 178],
];

/**
 * For a network with two inputs: what it predicts over the plane (a canvas coloured by the output, class 0 to
 * class 1), with the training points (circles) and validation points (squares) on top.
 */
export function DecisionMap({ predict, train, validation, onPick, picked, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const cells = useRef<HTMLCanvasElement | null>(null);
  /** The points, drawn once per data set and pick onto their own canvas, then copied over the map each frame. */
  const dots = useRef<{ key: unknown[]; canvas: HTMLCanvasElement } | null>(null);
  const box = useMemo(() => extentOf([...train, ...validation]), [train, validation]);
  const toPx = (x: number, y: number) => ({
    px: ((x - box.x[0]) / (box.x[1] - box.x[0])) * SIZE,
    py: ((box.y[1] - y) / (box.y[1] - box.y[0])) * SIZE,
  });

  // while training the map is drawn at most every MAP_MS (the last state always: a trailing draw)
  const lastDraw = useRef(-Infinity);
  const trailing = useRef<{ timer: ReturnType<typeof setTimeout> | null; paint: () => void }>({
    timer: null,
    paint: () => {},
  });
  useEffect(() => {
    const t = trailing.current;
    return () => {
      if (t.timer !== null) clearTimeout(t.timer);
    };
  }, []);

  useEffect(() => {
    const paint = () => draw();
    const t = trailing.current;
    t.paint = paint;
    const wait = lastDraw.current + MAP_MS - performance.now();
    if (wait <= 0) {
      lastDraw.current = performance.now();
      paint();
    } else
      t.timer ??= setTimeout(() => {
        t.timer = null;
        lastDraw.current = performance.now();
        t.paint();
      }, wait);
    // toPx reads only box
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [predict, box, train, validation, picked]);

  function draw() {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const values = decisionGrid(predict, box, GRID, GRID);
    // one pixel per cell in a GRID × GRID image, scaled up smoothly onto the canvas
    const image = new ImageData(GRID, GRID);
    const [r0, g0, b0] = CLASS_RGB[0];
    const [r1, g1, b1] = CLASS_RGB[1];
    const tint = (a: number, b: number, v: number) => Math.round(255 - (255 - (a * (1 - v) + b * v)) * 0.45);
    for (let i = 0; i < GRID * GRID; i++) {
      const v = Math.min(1, Math.max(0, values[i]));
      image.data[4 * i] = tint(r0, r1, v);
      image.data[4 * i + 1] = tint(g0, g1, v);
      image.data[4 * i + 2] = tint(b0, b1, v);
      image.data[4 * i + 3] = 255;
    }
    cells.current ??= document.createElement('canvas');
    const small = cells.current;
    small.width = GRID;
    small.height = GRID;
    small.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(small, 0, 0, SIZE, SIZE);
    const key = [box, train, validation, picked];
    if (!dots.current || dots.current.key.some((k, i) => k !== key[i])) {
      const layer = dots.current?.canvas ?? document.createElement('canvas');
      layer.width = SIZE;
      layer.height = SIZE;
      const dc = layer.getContext('2d');
      if (dc) {
        const draw = (s: Sample, square: boolean, highlight: boolean) => {
          const { px, py } = toPx(s.input[0], s.input[1]);
          const [r, g, b] = CLASS_RGB[classOf(s.target)];
          dc.fillStyle = `rgb(${r},${g},${b})`;
          dc.strokeStyle = highlight ? '#000' : '#fff';
          dc.lineWidth = highlight ? 2.5 : 1;
          dc.beginPath();
          if (square) dc.rect(px - 3.5, py - 3.5, 7, 7);
          else dc.arc(px, py, highlight ? 6 : 3.5, 0, 2 * Math.PI);
          dc.fill();
          dc.stroke();
        };
        validation.forEach((s) => draw(s, true, false));
        train.forEach((s, i) => draw(s, false, i === picked));
        if (picked !== null && train[picked]) draw(train[picked], false, true);
      }
      dots.current = { key, canvas: layer };
    }
    ctx.drawImage(dots.current.canvas, 0, 0);
  }

  return (
    <canvas
      ref={canvas}
      className="decision-map"
      width={SIZE}
      height={SIZE}
      role="img"
      aria-label={label}
      onClick={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const px = ((e.clientX - rect.left) / rect.width) * SIZE;
        const py = ((e.clientY - rect.top) / rect.height) * SIZE;
        let best = -1;
        let bestD = Infinity;
        train.forEach((s, i) => {
          const p = toPx(s.input[0], s.input[1]);
          const d = (p.px - px) ** 2 + (p.py - py) ** 2;
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        });
        if (best >= 0 && bestD <= 12 ** 2) onPick(best);
      }}
    />
  );
}
