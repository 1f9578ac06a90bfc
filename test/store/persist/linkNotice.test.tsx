// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from '../../../src/components/Notice';
import { lesson002 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';
import { chooseStart, encodeLink } from '../../../src/store/persist';

afterEach(cleanup);

describe('a share link whose lesson is refused', () => {
  const bad = { ...JSON.parse(JSON.stringify(lesson002)), useBias: 'yes', version: 3 };
  const hash = encodeLink({ lesson: bad, granularity: 'neuron', cursor: 0 });

  it('names its first problem in the reader’s language, and follows a change of language', () => {
    const start = chooseStart({ hash, savedText: null, languages: ['zh-CN'] });
    expect(start.notice?.key).toBe('link.invalid');
    lessonStore.setState({ ...initialState(), ...start });
    render(<Notice />);
    expect(screen.getByRole('alert').textContent).toContain(
      '共 2 处问题，第一处：version: 应为 1，实际为 3（此版本只能读取第 1 版）',
    );
    expect(screen.getByRole('alert').textContent).not.toContain('expected');
    act(() => lessonStore.getState().setLocale('en'));
    expect(screen.getByRole('alert').textContent).toContain(
      '(2 problems; the first: version: expected 1, found 3 (this version reads version 1))',
    );
  });
});
