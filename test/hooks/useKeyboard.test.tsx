// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useKeyboard } from '../../src/hooks/useKeyboard';
import { lesson004 } from '../../src/lessons';
import { initialState, lessonStore } from '../../src/store';

beforeEach(() => lessonStore.setState({ ...initialState(lesson004), cursor: 4 }));
afterEach(cleanup);

/** The hook beside one control of each kind. */
function Page() {
  useKeyboard();
  return (
    <div>
      <button type="button">Press</button>
      <input type="range" aria-label="Slider" min={0} max={10} defaultValue={5} />
      <input type="radio" name="g" aria-label="Radio" defaultChecked />
      <select aria-label="List" defaultValue="a">
        <option value="a">a</option>
        <option value="b">b</option>
      </select>
      <input type="text" aria-label="Field" />
      <dialog open aria-label="Dialog">
        <button type="button">Inside</button>
      </dialog>
    </div>
  );
}

const cursor = () => lessonStore.getState().cursor;
const playing = () => lessonStore.getState().playing;
/** Focuses as a click would (pointer down first), or as Tab would. */
const clickFocus = (el: HTMLElement) => {
  fireEvent.pointerDown(el);
  el.focus();
  fireEvent.pointerUp(el);
};
const tabFocus = (el: HTMLElement) => {
  fireEvent.keyDown(el.ownerDocument.body, { key: 'Tab' });
  el.focus();
  fireEvent.keyUp(el, { key: 'Tab' });
};

describe('useKeyboard', () => {
  it('steps the lesson from a clicked button, slider, switch or list, and keeps the key from the control', () => {
    render(<Page />);
    const controls = [
      screen.getByRole('button', { name: 'Press' }),
      screen.getByRole('slider', { name: 'Slider' }),
      screen.getByRole('radio', { name: 'Radio' }),
      screen.getByRole('combobox', { name: 'List' }),
    ];
    for (const el of controls) {
      lessonStore.setState({ cursor: 4, playing: false });
      clickFocus(el);
      const keys: [string, number][] = [
        ['PageDown', 5],
        ['PageUp', 4],
        ['ArrowRight', 5],
        ['ArrowLeft', 4],
        ['End', 31],
        ['Home', 0],
      ];
      for (const [key, expected] of keys) {
        // fireEvent returns false when the default action (the control's own) was prevented
        expect(fireEvent.keyDown(el, { key }), `${key} on ${el.tagName}`).toBe(false);
        expect(cursor(), `${key} on ${el.tagName}`).toBe(expected);
      }
      expect(fireEvent.keyDown(el, { key: ' ' })).toBe(false);
      expect(playing()).toBe(true);
      expect(fireEvent.keyDown(el, { key: 'b' })).toBe(false); // a clicker's blank-screen key: nothing
      expect(cursor()).toBe(0);
    }
  });

  it('leaves Space and Enter to a control reached with Tab, and ↑/↓ to any control', () => {
    render(<Page />);
    const button = screen.getByRole('button', { name: 'Press' });
    tabFocus(button);
    expect(fireEvent.keyDown(button, { key: ' ' })).toBe(true);
    expect(playing()).toBe(false);
    expect(fireEvent.keyDown(button, { key: 'Enter' })).toBe(true);
    expect(fireEvent.keyDown(button, { key: 'PageDown' })).toBe(false);
    expect(cursor()).toBe(5);
    const list = screen.getByRole('combobox', { name: 'List' });
    clickFocus(list);
    expect(fireEvent.keyDown(list, { key: 'ArrowDown' })).toBe(true);
    fireEvent.keyUp(list, { key: 'ArrowDown' });
    expect(cursor()).toBe(5);
    // focus moved by a script (a dialog closing) is not focus reached by keyboard
    button.focus();
    expect(fireEvent.keyDown(button, { key: ' ' })).toBe(false);
    expect(playing()).toBe(true);
  });

  it('leaves every key to a text field, a slider being dragged and an open dialog', () => {
    render(<Page />);
    const field = screen.getByRole('textbox', { name: 'Field' });
    clickFocus(field);
    for (const key of ['PageDown', 'ArrowRight', ' ', 'Home', 'b']) {
      expect(fireEvent.keyDown(field, { key })).toBe(true);
    }
    const slider = screen.getByRole('slider', { name: 'Slider' });
    fireEvent.pointerDown(slider);
    expect(fireEvent.keyDown(slider, { key: 'ArrowRight' })).toBe(true);
    fireEvent.pointerUp(slider);
    expect(fireEvent.keyDown(slider, { key: 'ArrowRight' })).toBe(false);
    expect(cursor()).toBe(5);
    const inside = screen.getByRole('button', { name: 'Inside' });
    clickFocus(inside);
    expect(fireEvent.keyDown(inside, { key: 'PageDown' })).toBe(true);
    expect(cursor()).toBe(5);
  });
});

describe('presenter keys', () => {
  const state = () => lessonStore.getState();
  const press = (el: Element, key: string) => fireEvent.keyDown(el, { key });

  it('P enters and leaves; B blanks, B or a stepping key brings the screen back without stepping; Esc leaves', () => {
    render(<Page />);
    const body = document.body;
    press(body, 'b');
    expect(state().blanked).toBe(false); // not presenting: B does nothing
    press(body, 'p');
    expect(state().presenting).toBe(true);
    press(body, 'b');
    expect(state().blanked).toBe(true);
    press(body, 'b');
    expect(state().blanked).toBe(false);
    press(body, '.');
    expect(state().blanked).toBe(true);
    for (const key of ['PageDown', 'PageUp', 'ArrowRight', 'Home', ' ']) {
      lessonStore.setState({ blanked: true });
      press(body, key);
      expect(state().blanked, key).toBe(false);
      expect(cursor(), key).toBe(4);
      expect(playing(), key).toBe(false);
    }
    press(body, 'PageDown');
    expect(cursor()).toBe(5);
    press(body, 'Escape');
    expect(state()).toMatchObject({ presenting: false, blanked: false });
    press(body, 'P');
    expect(state().presenting).toBe(true);
    press(body, 'p');
    expect(state().presenting).toBe(false);
  });

  it('in the Train view P, B and Esc are presenter mode’s as in the step view; stepping keys step nothing', () => {
    lessonStore.setState({ view: 'train' });
    render(<Page />);
    const button = screen.getByRole('button', { name: 'Press' });
    clickFocus(button);
    press(button, 'p');
    expect(state().presenting).toBe(true);
    press(button, 'b');
    expect(state().blanked).toBe(true);
    press(button, 'PageDown');
    expect(state().blanked).toBe(false);
    press(button, 'PageDown');
    press(button, ' ');
    expect(cursor()).toBe(4);
    expect(playing()).toBe(false);
    press(button, 'Escape');
    expect(state().presenting).toBe(false);
  });

  it('a text field keeps P, and so does a list reached by keyboard (type-ahead); a clicked list does not', () => {
    render(<Page />);
    press(screen.getByRole('textbox', { name: 'Field' }), 'p');
    expect(state().presenting).toBe(false);
    const list = screen.getByRole('combobox', { name: 'List' });
    tabFocus(list);
    press(list, 'p');
    expect(state().presenting).toBe(false);
    list.blur();
    clickFocus(list);
    press(list, 'p');
    expect(state().presenting).toBe(true);
    // an open dialog keeps Esc (it closes itself)
    press(screen.getByRole('button', { name: 'Inside' }), 'Escape');
    expect(state().presenting).toBe(true);
  });
});
