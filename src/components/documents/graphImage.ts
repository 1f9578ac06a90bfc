import { edgeCanvasPaths } from '../graph/GraphEdgeCanvas';

/**
 * The network graph on screen as a standalone picture: its two drawings (every edge beneath, as SVG or, for a
 * large net, on a canvas written out here as paths; the rest on top) put into one SVG, each element's computed style written inline so the file looks as the screen does without the
 * app's style sheets; and that SVG drawn onto a canvas at twice its size, as a PNG for slides.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties the graph's style sheet sets, copied onto every element. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];

/** Attributes that belong to the page (focus, handlers' ids, roles), not to the picture. */
const PAGE_ATTRIBUTES = [
  'class',
  'tabindex',
  'role',
  'aria-label',
  'aria-hidden',
  'data-id',
  'data-for',
  'focusable',
];

export interface GraphImage {
  /** The SVG document's text. */
  svg: string;
  /** Its size in CSS pixels, as on screen. */
  width: number;
  height: number;
}

/** A copy of `src` and its subtree with the computed styles inline; null for what is not displayed. */
function inlined(src: Element): Element | null {
  const style = getComputedStyle(src);
  if (style.display === 'none' || src.classList.contains('graph-tooltip')) return null;
  const copy = src.cloneNode(false) as Element;
  for (const a of PAGE_ATTRIBUTES) copy.removeAttribute(a);
  copy.setAttribute(
    'style',
    PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`)
      .filter((d) => !d.endsWith(':'))
      .join(';'),
  );
  for (const child of src.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) copy.append(child.cloneNode());
    else if (child instanceof Element) {
      const c = inlined(child);
      if (c) copy.append(c);
    }
  }
  return copy;
}

/** The graph inside `root` (the page by default) as one SVG document, or null when none is shown. */
export function graphImage(root: ParentNode = document): GraphImage | null {
  const graph = root.querySelector<HTMLElement>('.graph-panel .graph') ?? root.querySelector('.graph');
  const layers = graph
    ? [
        ...graph.querySelectorAll<SVGSVGElement | HTMLCanvasElement>(
          ':scope > svg, :scope > .graph-stage > svg, :scope > .graph-stage > canvas.graph-edge-canvas',
        ),
      ]
    : [];
  const svgs = layers.filter((l): l is SVGSVGElement => l instanceof SVGSVGElement);
  if (!graph || svgs.length === 0) return null;
  const viewBox = svgs[0].getAttribute('viewBox') ?? '';
  const box = graph.getBoundingClientRect();
  const [, , vw, vh] = viewBox.split(/\s+/).map(Number);
  const width = Math.round(box.width) || vw;
  const height = Math.round(box.height) || vh;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('viewBox', viewBox);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('preserveAspectRatio', svgs[0].getAttribute('preserveAspectRatio') ?? 'xMidYMid meet');
  const title = graph.getAttribute('aria-label');
  if (title) {
    const t = document.createElementNS(SVG_NS, 'title');
    t.textContent = title;
    out.append(t);
  }
  const background = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of [
    ['x', '-50%'],
    ['y', '-50%'],
    ['width', '200%'],
    ['height', '200%'],
  ])
    background.setAttribute(k, v);
  background.setAttribute('fill', getComputedStyle(graph).backgroundColor);
  out.append(background);
  for (const layer of layers) {
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('opacity', getComputedStyle(layer).opacity);
    if (layer instanceof HTMLCanvasElement) {
      for (const p of edgeCanvasPaths(layer) ?? []) {
        const path = document.createElementNS(SVG_NS, 'path');
        path.setAttribute('d', p.d);
        path.setAttribute(
          'style',
          `fill:none;stroke:${p.colour};stroke-width:${p.width}` +
            (p.dash.length ? `;stroke-dasharray:${p.dash.join(' ')}` : ''),
        );
        g.append(path);
      }
      out.append(g);
      continue;
    }
    for (const child of layer.children) {
      const c = inlined(child);
      if (c) g.append(c);
    }
    out.append(g);
  }
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

/** The picture as a PNG at `scale` times its size (2: sharp on slides and high-density screens). */
export async function pngOf(image: GraphImage, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
  );
}

/** Saves `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
