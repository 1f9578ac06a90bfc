import subsetFont from 'subset-font';

/** A font of the stylesheet's `@font-face` rules: its family, style and weight, and its WOFF2 file. */
interface Face {
  family: string;
  style: string;
  weight: string;
  /** The WOFF2 file as the stylesheet names it (`./assets/…`). */
  woff2: string;
}

/** The font of some text: what `font-family`, `font-style` and `font-weight` come to. */
type Font = Pick<Face, 'family' | 'style' | 'weight'>;

const key = (f: Font) => `${f.family}|${f.style}|${f.weight}`;

/** The stylesheet's `@font-face` rules that have a WOFF2 file. */
function faces(css: string): Face[] {
  return [...css.matchAll(/@font-face\{([^}]*)\}/g)].flatMap(([, body]) => {
    const decl = (name: string) => new RegExp(`(?:^|;)${name}:([^;]+)`).exec(body)?.[1].trim();
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(body)?.[1];
    const family = decl('font-family');
    if (!woff2 || !family) return [];
    return [{ family, style: decl('font-style') ?? 'normal', weight: decl('font-weight') ?? '400', woff2 }];
  });
}

/** KaTeX's rules `.katex .a.b{…}` that set a font: the classes an element must have, and what they set. */
interface FontRule {
  classes: string[];
  set: Partial<Font>;
}

function fontRules(css: string): FontRule[] {
  const rules = [...css.matchAll(/(?<=^|})\.katex((?: \.[\w-]+(?:\.[\w-]+)*)?)\{([^}]*)\}/g)].flatMap(
    ([, selector, body]) => {
      const set: Partial<Font> = {};
      for (const [, name, value] of body.matchAll(/(?:^|;)(font-family|font-style|font-weight):([^;]+)/g)) {
        const v = value.split(',')[0].trim();
        if (name === 'font-family') set.family = v;
        else if (name === 'font-style') set.style = v;
        else set.weight = v === 'bold' ? '700' : v === 'normal' ? '400' : v;
      }
      if (Object.keys(set).length === 0) return [];
      return [{ classes: selector.trim().replace(/^\./, '').split('.').filter(Boolean), set }];
    },
  );
  // the more classes a selector names, the later it applies (CSS specificity); otherwise in the sheet's order
  return rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.classes.length - b.r.classes.length || a.i - b.i)
    .map((x) => x.r);
}

const VOID = new Set([
  'area',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/**
 * The characters each font draws in the typeset formulas of `html` (KaTeX's `.katex-html` markup; the MathML
 * beside it is drawn in the browser's math font), by the stylesheet's KaTeX rules: font → characters.
 */
export function formulaText(html: string, css: string): Map<string, { font: Font; text: Set<string> }> {
  const rules = fontRules(css);
  const base = rules.find((r) => r.classes.length === 0)?.set;
  const start: Font = { family: base?.family ?? 'KaTeX_Main', style: 'normal', weight: '400' };
  const out = new Map<string, { font: Font; text: Set<string> }>();
  // the open elements: tag, whether inside a formula's drawn markup, its font there
  const stack: { tag: string; inFormula: boolean; font: Font }[] = [];
  for (const [, close, tag, attrs, text] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (!top?.inFormula) continue;
      const entry = out.get(key(top.font)) ?? { font: top.font, text: new Set<string>() };
      for (const ch of decode(text)) entry.text.add(ch);
      out.set(key(top.font), entry);
    } else if (close) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag.toLowerCase());
      if (at >= 0) stack.length = at;
    } else {
      const classes = (/\bclass="([^"]*)"/.exec(attrs)?.[1] ?? '').split(/\s+/);
      const inFormula = (top?.inFormula ?? false) || classes.includes('katex-html');
      let font = top?.font ?? start;
      if (inFormula) {
        if (!top?.inFormula) font = start;
        for (const r of rules)
          if (r.classes.length > 0 && r.classes.every((c) => classes.includes(c)))
            font = { ...font, ...r.set };
      }
      if (!VOID.has(tag.toLowerCase()) && !attrs.endsWith('/'))
        stack.push({
          tag: tag.toLowerCase(),
          inFormula: inFormula && !classes.includes('katex-mathml'),
          font,
        });
    }
  }
  return out;
}

const hex = (cp: number) => cp.toString(16).toUpperCase();

/**
 * `@font-face` rules, each a subset of one of the stylesheet's fonts as a `data:` URL, holding the characters
 * the formulas of `html` draw in it, with a `unicode-range` of exactly those: declared after the full fonts,
 * they draw those characters from the page itself, at the first paint, and the full font file is fetched
 * only for others. `read` gives a font file's bytes by the name the stylesheet uses.
 */
export async function formulaFontSubsets(
  html: string,
  css: string,
  read: (woff2: string) => Uint8Array | undefined,
): Promise<string> {
  const all = faces(css);
  const rules: string[] = [];
  for (const { font, text } of formulaText(html, css).values()) {
    const face = all.find((f) => key(f) === key(font));
    const bytes = face && read(face.woff2);
    // and the space: the browser takes a line's height from the first font of the family that has one, so
    // with it the subset spaces the lines as the whole font does, whether or not its file has arrived
    const chars = [...new Set([' ', ...text])].filter((c) => c === ' ' || !/\s/.test(c));
    if (!face || !bytes) continue;
    const subset = await subsetFont(Buffer.from(bytes), chars.join(''), {
      targetFormat: 'woff2',
      noHinting: true, // a third of the size; the browser does not hint KaTeX's fonts on a phone or a Mac anyway
    });
    const range = chars
      .map((c) => c.codePointAt(0)!)
      .sort((a, b) => a - b)
      .map((cp) => `U+${hex(cp)}`)
      .join(',');
    rules.push(
      `@font-face{font-family:${face.family};font-style:${face.style};font-weight:${face.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${subset.toString('base64')})format("woff2");unicode-range:${range}}`,
    );
  }
  return rules.join('');
}
