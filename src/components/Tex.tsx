import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

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

/** The one component that renders TeX (KaTeX): rendered once per source string; a parse error shows the source. */
export function Tex({ tex, block = false, label, className, light = false }: TexProps) {
  const html = useMemo(() => {
    try {
      return { ok: true as const, html: katex.renderToString(tex, { displayMode: block, throwOnError: true, output: light ? 'html' : 'htmlAndMathml' }) };
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
  }, [tex, block, light]);
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
}
