import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo } from 'react';

interface TexProps {
  /** The TeX source. */
  tex: string;
  /** Display (block) maths rather than inline. */
  block?: boolean;
  /** Accessible text for the formula (KaTeX also emits MathML for screen readers). */
  label?: string;
  className?: string;
  /**
   * Render HTML only, with `label` as the accessible text, instead of HTML plus MathML (half the elements:
   * for the many small formulas of a list).
   */
  light?: boolean;
}

type Rendered = { ok: true; html: string } | { ok: false; error: string };

/** Rendered formulas by options and source, the least recently used dropped first beyond CACHE_SIZE. */
const cache = new Map<string, Rendered>();
const CACHE_SIZE = 600;

/** KaTeX's markup for a source (remembered: stepping back and forth renders each formula once). */
function render(tex: string, block: boolean, light: boolean): Rendered {
  const key = `${block ? 'b' : 'i'}${light ? 'l' : 'f'}${tex}`;
  let r = cache.get(key);
  if (r) {
    cache.delete(key);
  } else {
    try {
      const output = light ? 'html' : 'htmlAndMathml';
      r = { ok: true, html: katex.renderToString(tex, { displayMode: block, throwOnError: true, output }) };
    } catch (e) {
      r = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, r);
  return r;
}

/** The one component that renders TeX (KaTeX); a parse error shows the source. */
export const Tex = memo(function Tex({ tex, block = false, label, className, light = false }: TexProps) {
  const html = render(tex, block, light);
  const Tag = block ? 'div' : 'span';
  if (!html.ok) {
    return (
      <Tag className={`tex tex-error ${className ?? ''}`} title={html.error}>
        <code>{tex}</code>
      </Tag>
    );
  }
  return (
    <Tag
      className={`tex ${className ?? ''}`}
      aria-label={label}
      role={light && label ? 'img' : undefined}
      dangerouslySetInnerHTML={{ __html: html.html }}
    />
  );
});
