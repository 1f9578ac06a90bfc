import { LIMITS } from './limits';
import { foundOf, problemOf, type ListKind, type ProblemCode, type ProblemParamMap } from './problems';
import type { LessonProblem, LocalText } from './types';

// The reader under parseLesson (lessonFormat.ts): typed reads of an untrusted value, each problem kept with
// its JSON path and code.

/** Collects problems while reading an untrusted value; every reader returns undefined on failure. */
export class Reader {
  problems: LessonProblem[] = [];
  /** Records a problem by code and parameters; its English message comes from the same two. */
  fail<C extends ProblemCode>(path: string, code: C, params: ProblemParamMap[C]): undefined {
    this.problems.push(problemOf(path, code, params));
    return undefined;
  }
  object(v: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    return this.fail(path, 'notObject', foundOf(v));
  }
  /** A list of min to max items; `what` (and `layer`) say what the items are. */
  array(
    v: unknown,
    path: string,
    min: number,
    max: number,
    what: ListKind,
    layer?: number,
  ): unknown[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, 'notList', foundOf(v));
    if (v.length < min || v.length > max) {
      const list = layer === undefined ? { what, count: v.length } : { what, layer, count: v.length };
      return min === max
        ? this.fail(path, 'wrongCount', { ...list, expected: min })
        : this.fail(path, 'countOutOfRange', { ...list, min, max });
    }
    return v;
  }
  number(v: unknown, path: string): number | undefined {
    if (typeof v !== 'number') return this.fail(path, 'notNumber', foundOf(v));
    if (!Number.isFinite(v)) return this.fail(path, 'notFinite', { value: v });
    if (Math.abs(v) > LIMITS.maxMagnitude)
      return this.fail(path, 'tooLarge', { value: v, max: LIMITS.maxMagnitude });
    return v;
  }
  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(path, 'notInteger', foundOf(v));
    if (v < min || v > max) return this.fail(path, 'outOfRange', { value: v, min, max });
    return v;
  }
  oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T | undefined {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    return this.fail(path, 'notOneOf', { ...foundOf(v), options: options.join(', ') });
  }
  vector(v: unknown, path: string, length: number, what: ListKind, layer?: number): number[] | undefined {
    const arr = this.array(v, path, length, length, what, layer);
    if (!arr) return undefined;
    const out = arr.map((x, i) => this.number(x, `${path}[${i}]`));
    return out.every((x) => x !== undefined) ? (out as number[]) : undefined;
  }
  text(v: unknown, path: string): LocalText | undefined {
    const o = this.object(v, path);
    if (!o) return undefined;
    const en = typeof o.en === 'string' ? o.en : this.fail(`${path}.en`, 'notText', foundOf(o.en));
    const zh =
      typeof o['zh-CN'] === 'string'
        ? o['zh-CN']
        : this.fail(`${path}.zh-CN`, 'notText', foundOf(o['zh-CN']));
    return en !== undefined && zh !== undefined ? { en, 'zh-CN': zh } : undefined;
  }
}
