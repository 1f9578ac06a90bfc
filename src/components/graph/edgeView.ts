import type { EdgeGeom, Sign } from '../../layout';
import type { Mark } from './marks';

/** An edge's formatted w and w⁺, made when first read (a net drawn on a canvas shows a few of its ~10⁴ edges'). */
export class EdgeTexts {
  private valueText: string | undefined;
  private next: string | null | undefined;
  constructor(
    private readonly w: number,
    private readonly nextValue: number | undefined,
    private readonly format: (x: number) => string,
  ) {}
  get value(): string {
    return (this.valueText ??= this.format(this.w));
  }
  get nextText(): string | null {
    if (this.next === undefined)
      this.next = this.nextValue === undefined ? null : this.format(this.nextValue);
    return this.next;
  }
}

/** What one edge draws, as primitives and its (per-layout) geometry: an EdgeView without its texts. */
export interface EdgeLook {
  geom: EdgeGeom;
  /** The weight w (or bias b) as shown, its gradient and updated value (undefined until shown). */
  w: number;
  grad: number | undefined;
  next: number | undefined;
  /** Stroke width by |w|, sign class and dash pattern. */
  width: number;
  sign: Sign;
  dash: string | undefined;
  /** The spoken name: "Weight w¹₁₁ from input x₁ to hidden neuron a¹₁: 0.9, positive…" (see edgeAria). */
  aria: string;
  mark: Mark;
  onPath: boolean;
  selected: boolean;
}

/** Everything one edge draws, as primitives and its (per-layout) geometry, and its texts made when read. */
export class EdgeView implements EdgeLook {
  readonly geom: EdgeGeom;
  readonly w: number;
  readonly grad: number | undefined;
  readonly next: number | undefined;
  readonly width: number;
  readonly sign: Sign;
  readonly dash: string | undefined;
  readonly aria: string;
  readonly mark: Mark;
  readonly onPath: boolean;
  readonly selected: boolean;
  readonly #texts: EdgeTexts;
  constructor(look: EdgeLook, texts: EdgeTexts) {
    ({
      geom: this.geom,
      w: this.w,
      grad: this.grad,
      next: this.next,
      width: this.width,
      sign: this.sign,
      dash: this.dash,
      aria: this.aria,
      mark: this.mark,
      onPath: this.onPath,
      selected: this.selected,
    } = look);
    this.#texts = texts;
  }
  /** Formatted w (made when first read). */
  get value(): string {
    return this.#texts.value;
  }
  /** Formatted w⁺, null until shown (made when first read). */
  get nextText(): string | null {
    return this.#texts.nextText;
  }
  /** The same view with some of its look changed (a new geometry or stroke style, other marks); texts kept. */
  with(changes: Partial<Omit<EdgeLook, 'w' | 'next'>>): EdgeView {
    return new EdgeView({ ...this, ...changes }, this.#texts);
  }
  /** The same view drawn at `geom` (with another stroke style, when given); the texts are kept. */
  moved(geom: EdgeGeom, style: Pick<EdgeLook, 'width' | 'sign' | 'dash'> = this): EdgeView {
    return this.with({ geom, width: style.width, sign: style.sign, dash: style.dash });
  }
  /** The same values and texts with other marks. */
  marked(mark: Mark, onPath: boolean, selected: boolean): EdgeView {
    return this.with({ mark, onPath, selected });
  }
}
