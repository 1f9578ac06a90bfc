import { ENGLISH_FOUND, ENGLISH_LISTS, ENGLISH_LISTS_ONE, ENGLISH_PROBLEMS } from '../../engine';

/** The entries of a table under `prefix`: { a: x } → { 'prefix.a': x }, keys typed. */
function prefixed<P extends string, T extends Record<string, string>>(
  prefix: P,
  table: T,
): { [K in keyof T & string as `${P}${K}`]: string } {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [prefix + k, v])) as {
    [K in keyof T & string as `${P}${K}`]: string;
  };
}

/** English messages: the gate (stopped iterations, refused links, files and autosaves) and lesson-file problems. `{name}` marks a parameter. */
export const gate = {
  'link.broken': 'This share link is damaged or incomplete, so it could not be opened.',
  'link.invalid':
    'This share link holds a lesson that cannot be opened ({count} problems; the first: {problem}).',
  'link.invalid#=1': 'This share link holds a lesson that cannot be opened ({problem}).',
  'link.unknownPreset':
    'This share link names a built-in lesson ({id}) that this version of the app does not have.',
  'link.version': 'This share link was made in format {version}, which this version of the app cannot open.',
  'link.badPosition':
    'The step or detail level in this link was not understood, so the lesson opens at its first step.',
  'saved.corrupt': 'Your saved work could not be read, so the default lesson is shown.',
  'saved.old':
    'Your saved work comes from another version of the app and could not be restored; the default lesson is shown.',
  'saved.failed':
    'Your work cannot be saved in this browser (storage is full or blocked); save the lesson as a file to keep it.',
  // The gate: stopped iterations, refused links, files and autosaves, and the ways back.
  'iteration.tooLarge':
    'Iteration {n} was not taken: the weights would grow past ±10⁶, the lesson format’s limit. The learning rate η = {eta} is too large for this network; try {suggestion}.',
  'iteration.nonFinite':
    'Iteration {n} was not taken: {quantity} of layer {layer}, neuron {neuron} would become {value}. The learning rate η = {eta} is too large for this network; try {suggestion}.',
  'notice.lowerRate': 'Lower η and go on',
  'notice.backToWork': 'Back to your work',
  'link.nonFinite':
    'This share link holds a lesson whose step cannot be computed ({quantity} of layer {layer}, neuron {neuron} becomes {value}), so it was not opened; your work is unchanged.',
  'link.replacedWork':
    'The share link’s lesson is open. Your saved work is set aside, not lost: “Back to your work” (or Undo) returns to it.',
  'saved.lessonInvalid':
    'Your saved lesson could not be read ({problem}), so the lesson as you first opened it is shown.',
  'saved.lessonNonFinite':
    'Your saved lesson’s step cannot be computed ({quantity} of layer {layer}, neuron {neuron} becomes {value}), so the lesson as you first opened it is shown.',
  'saved.nonFinite':
    'Your saved lesson’s step cannot be computed ({quantity} of layer {layer}, neuron {neuron} becomes {value}), so the default lesson is shown; the saved copy is kept aside in this browser.',
  'saved.settingsDropped':
    'Some saved settings could not be read and were reset to their defaults; your lesson is kept.',
  // A lesson file's problems, by code: the engine's own English sentences (src/engine/problems.ts).
  ...prefixed('problem.', ENGLISH_PROBLEMS),
  ...prefixed('problem.found.', ENGLISH_FOUND),
  ...prefixed('problem.what.', ENGLISH_LISTS),
  ...prefixed('problem.what.', ENGLISH_LISTS_ONE),
} as const;
