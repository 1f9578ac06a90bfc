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

/** An edge's marks: dimmed or lit, on the chain rule's path, selected. */
type Marking = Pick<EdgeLook, 'mark' | 'onPath' | 'selected'>;

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
    this.geom = look.geom;
    this.w = look.w;
    this.grad = look.grad;
    this.next = look.next;
    this.width = look.width;
    this.sign = look.sign;
    this.dash = look.dash;
    this.aria = look.aria;
    this.mark = look.mark;
    this.onPath = look.onPath;
    this.selected = look.selected;
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
  /**
   * The same values and texts drawn at `geom` with a stroke style and marks (a plain object of one shape, not
   * a spread of this view: withLayout moves ~37,000 of them at once).
   */
  private with(geom: EdgeGeom, style: Pick<EdgeLook, 'width' | 'sign' | 'dash'>, marks: Marking): EdgeView {
    const { w, grad, next, aria } = this;
    const { width, sign, dash } = style;
    const { mark, onPath, selected } = marks;
    return new EdgeView(
      { geom, w, grad, next, width, sign, dash, aria, mark, onPath, selected },
      this.#texts,
    );
  }
  /** The same view drawn at `geom` (with another stroke style, when given); the texts are kept. */
  moved(geom: EdgeGeom, style: Pick<EdgeLook, 'width' | 'sign' | 'dash'> = this): EdgeView {
    return this.with(geom, style, this);
  }
  /** The same values and texts with other marks. */
  marked(mark: Mark, onPath: boolean, selected: boolean): EdgeView {
    return this.with(this.geom, this, { mark, onPath, selected });
  }
}
