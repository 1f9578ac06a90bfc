// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Dialog } from '../../src/components/Dialog';

afterEach(cleanup);

/** A button that opens a dialog with two buttons of its own; `closes` counts the calls of onClose. */
function Harness({ focus }: { focus?: string[] }) {
  const [open, setOpen] = useState(false);
  const [closes, setCloses] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <output data-testid="closes">{closes}</output>
      {open && (
        <Dialog
          messages="about"
          initialFocus={focus}
          onClose={() => {
            setCloses((n) => n + 1);
            setOpen(false);
          }}
        >
          <button type="button">First</button>
          <button type="button" className="second">
            Second
          </button>
        </Dialog>
      )}
    </>
  );
}

function open(focus?: string[]) {
  render(<Harness focus={focus} />);
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'About this lesson' }) };
}

describe('the dialog shell', () => {
  it('is named by its title, focuses its first button, and gives the focus back on closing', () => {
    const { opener, dialog } = open();
    expect(dialog.getAttribute('aria-labelledby')).toBe(
      screen.getByRole('heading', { name: 'About this lesson' }).id,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('closes').textContent).toBe('1');
    expect(document.activeElement).toBe(opener);
  });

  it('focuses the first element its selectors find, in the order given', () => {
    open(['.missing', '.second']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Second' }));
  });

  it('closes on Esc', () => {
    const { opener, dialog } = open();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside: from the last button to the first, and Shift+Tab back to the last', () => {
    const { dialog } = open();
    const close = screen.getByRole('button', { name: 'Close' });
    const last = screen.getByRole('button', { name: 'Second' });
    last.focus();
    expect(fireEvent.keyDown(dialog, { key: 'Tab' })).toBe(false); // the browser's own move is cancelled
    expect(document.activeElement).toBe(close);
    expect(fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(last);
    // in between, Tab is the browser's own
    screen.getByRole('button', { name: 'First' }).focus();
    expect(fireEvent.keyDown(dialog, { key: 'Tab' })).toBe(true);
  });

  it('closes on a click on the backdrop, not on one inside the box', () => {
    const { dialog } = open();
    dialog.getBoundingClientRect = () => ({ left: 10, right: 110, top: 10, bottom: 110 }) as DOMRect;
    fireEvent.click(dialog, { clientX: 50, clientY: 50 });
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.click(dialog, { clientX: 200, clientY: 50 });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
