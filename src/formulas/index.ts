/** The formulas layer's public surface: a step → TeX (rule, substituted, result) and a sentence, as data. */
export { formulaContext, formulaFor, matrixFormula, type FormulaOptions } from './formula';
export { networkCache, networkKey, type FormulaContext, type NetworkCache } from './context';
export { pathSumFormula, MAX_PATHS, type PathSumOptions, type WeightRef } from './paths';
export { formatNumber, parseFormatted } from './format';
export { formulaMessagesEn, type FormulaMessageKey } from './messages';
export { notationFor, type Notation } from './notation';
export type * from './types';
export { symbolText, texToText } from './symbols';
export { formatPlain } from './plain';
export { partial } from './tex';
export { matrixTex } from './matrixView';
export { narrationOf } from './narration';
