import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n';
import './documents.css';

interface Props {
  title: string;
  onClose: () => void;
  /** Buttons beside Close (Print, paper size…). */
  tools?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A page-sized view over the app (a worksheet, the handout check): the app beneath is inert while it is open, and
 * when printing only this view is printed, without its toolbar. Escape closes it. An open <dialog> element, so the
 * lesson's stepping keys leave it alone.
 */
export function DocumentShell({ title, onClose, tools, children, className }: Props) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    document.body.classList.add('documents-viewing');
    ref.current?.querySelector<HTMLElement>('h1')?.focus();
    return () => {
      app?.removeAttribute('inert');
      document.body.classList.remove('documents-viewing');
    };
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      open
      aria-modal="true"
      aria-labelledby={titleId}
      className={`documents-view ${className ?? ''}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
    >
      <div className="documents-toolbar">
        {tools}
        <button type="button" onClick={onClose}>
          {t('documents.close')}
        </button>
      </div>
      <article className="documents-page">
        <h1 id={titleId} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </article>
    </dialog>,
    document.body,
  );
}
