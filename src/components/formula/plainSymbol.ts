import { texToText } from '../../formulas';

/**
 * A TeX symbol as plain text for screen readers, the same text the graph and the fields use:
 * `\frac{\partial E}{\partial w_{1,1}}` → `∂E/∂w₁,₁` (see texToText).
 */
export const plainSymbol = (tex: string): string => texToText(tex);
