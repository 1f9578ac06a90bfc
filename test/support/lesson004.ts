import type { Lesson } from '../../src/engine';
import { lesson004 as preset } from '../../src/lessons';

/**
 * Lesson 004's 3-3-2 network as a plain lesson file: the preset's givens (inputs, weights, targets; no biases)
 * without its title, notes, printed figures or detail level. A fresh copy each call, which a test may change.
 * The tests that use it check every computed figure against values worked independently of the preset.
 */
export function lesson004(): Lesson {
  const {
    title: _title,
    notes: _notes,
    published: _published,
    conventions,
    ...network
  } = structuredClone(preset);
  const { detail: _detail, ...rest } = conventions;
  return { ...network, conventions: rest };
}
