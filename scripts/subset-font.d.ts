// subset-font ships no types: the one call scripts/fontSubset.ts makes
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; noHinting?: boolean },
  ): Promise<Buffer>;
}
