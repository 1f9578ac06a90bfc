// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigitsControl } from '../../../src/components/controls/DigitsControl';
import { lesson004 } from '../../../src/lessons';
import { initialState, lessonStore } from '../../../src/store';

beforeEach(() => lessonStore.setState({ ...initialState(lesson004) }));
afterEach(cleanup);

describe('DigitsControl', () => {
  it('is a control named Digits offering 2 to 10, showing the current setting', () => {
    render(<DigitsControl />);
    const select = screen.getByRole('combobox', { name: 'Digits' }) as HTMLSelectElement;
    expect(select.value).toBe(String(lessonStore.getState().digits));
    expect([...select.options].map((o) => o.value)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('sets the significant digits of the store', () => {
    render(<DigitsControl />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Digits' }), { target: { value: '6' } });
    expect(lessonStore.getState().digits).toBe(6);
    expect((screen.getByRole('combobox', { name: 'Digits' }) as HTMLSelectElement).value).toBe('6');
  });

  it('is named in Chinese too', () => {
    lessonStore.setState({ locale: 'zh-CN' });
    render(<DigitsControl />);
    expect(screen.getByRole('combobox', { name: '有效数字' })).toBeTruthy();
  });
});
