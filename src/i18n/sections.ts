/**
 * A language's message table is seven section files (src/i18n/<language>/*.ts) merged into one; both languages
 * merge theirs here, so the list of sections is written once.
 */

/** The section files every language has. */
export type SectionName = 'app' | 'practice' | 'graph' | 'editor' | 'documents' | 'train' | 'gate';

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** One table of every section's messages (the keys of different sections never meet). */
export function mergeSections<S extends Record<SectionName, Readonly<Record<string, string>>>>(
  sections: S,
): Intersection<S[SectionName]> {
  return Object.assign({}, ...Object.values(sections)) as Intersection<S[SectionName]>;
}
