/** The documents layer's public surface: a derivation as LaTeX or Markdown, and the handout checker (pure). */
export {
  derivationOf,
  formulasOf,
  latexDocument,
  latexText,
  markdownDocument,
  FORMULA_ROWS,
  type DerivedStep,
  type DocumentHead,
  type Translate,
} from './derivation';
export {
  checkHandout,
  handoutQuantities,
  readFigure,
  type FigureCheck,
  type FigureStatus,
  type HandoutCheck,
} from './handout';
