import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useT, type MessageKey } from '../i18n';
import { CloseButton } from './CloseButton';
import './dialog.css';

/** What a Tab can reach inside the dialog, in document order. */
const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

type GroupOf<K> = K extends `${infer G}.title` ? (`${G}.close` extends MessageKey ? G : never) : never;
/** A group of messages with a heading `<group>.title` and a close label `<group>.close` (`about`, `picker`, …). */
export type DialogMessages = GroupOf<MessageKey>;

interface DialogProps {
  /** Its messages: the heading `<messages>.title`, which also names the dialog, and the "×" button's name. */
  messages: DialogMessages;
  /** Called on "×", Esc and a click on the backdrop; the owner closes the dialog by no longer rendering it. */
  onClose: () => void;
  /** Classes beside `dialog` (a look of its own). */
  className?: string;
  /** Selectors for what takes the focus on opening, tried in turn; the first button if none matches. */
  initialFocus?: string[];
  /** What takes the focus back on closing (the button that opened it; a click does not focus a button everywhere). */
  returnFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

/**
 * A modal dialog, open while it is rendered: a titled box over the app with a close button. Esc, the close button
 * and a click on the backdrop call onClose; Tab and Shift+Tab go round inside it; on closing, the focus goes back
 * to what had it before (the button that opened it).
 */
export function Dialog(props: DialogProps) {
  const { messages, onClose, className, initialFocus, returnFocus, children } = props;
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const before =
      returnFocus?.current ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    if (typeof d.showModal === 'function' && !d.open) d.showModal();
    else d.setAttribute('open', ''); // environments without <dialog> support
    const wanted = [...(initialFocus ?? []), 'button'];
    wanted
      .map((q) => d.querySelector<HTMLElement>(q))
      .find((el) => el)
      ?.focus();
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
      if (before?.isConnected) before.focus();
    };
    // opened once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Keeps Tab inside the dialog: from the last stop to the first, and Shift+Tab from the first to the last. */
  const trap = (e: KeyboardEvent<HTMLDialogElement>) => {
    const stops = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (stops.length === 0) return;
    const [first, last] = [stops[0], stops[stops.length - 1]];
    const at = document.activeElement;
    if (e.shiftKey ? at === first || !dialog.current?.contains(at) : at === last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Tab') trap(e);
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // a click on the backdrop (outside the box) closes; one on the dialog's own padding does not
        const r = dialog.current?.getBoundingClientRect();
        const outside =
          r && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom);
        if (e.target === dialog.current && outside) onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{t(`${messages}.title` as MessageKey)}</h2>
        <CloseButton label={t(`${messages}.close` as MessageKey)} onClick={onClose} />
      </div>
      {children}
    </dialog>
  );
}
