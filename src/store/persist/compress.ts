import LZString from 'lz-string'; // CommonJS: only its default export exists under Node's ESM loader

/** A lesson's JSON compressed for a share link (lz-string, URI-safe: A–Z a–z 0–9 + - $). */
export const compressLesson = (text: string): string => LZString.compressToEncodedURIComponent(text);
