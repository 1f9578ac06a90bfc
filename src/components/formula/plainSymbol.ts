const GREEK: Record<string, string> = {
  partial: '∂',
  delta: 'δ',
  eta: 'η',
  alpha: 'α',
  Phi: 'Φ',
  sigma: 'σ',
  odot: '⊙',
  cdot: '·',
  times: '×',
};

/** A TeX symbol as readable plain text for screen readers: `\frac{\partial E}{\partial w_{1,1}}` → `∂E/∂w 1,1`. */
export function plainSymbol(tex: string): string {
  return tex
    .replace(/\\frac\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, '$1/$2')
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/\\([A-Za-z]+)/g, (_m, name: string) => GREEK[name] ?? '')
    .replace(/[_^]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
