import { useEffect, useId, useRef, useState } from 'react';
import { derivationOf, latexDocument, markdownDocument } from '../../documents';
import { useT, type MessageKey } from '../../i18n';
import { lessonStore } from '../../store';
import type { DocumentView } from './ExportButton';
import { downloadBlob, graphImage, pngOf } from './graphImage';
import { documentSource } from './source';
import './documents.css';

interface Props {
  onClose: () => void;
  onOpen: (view: DocumentView) => void;
}

/** Each export: its button's message key and what it saves (a file name and its content), or a view to open. */
type Action =
  { key: MessageKey; run: () => Promise<string | null> } | { key: MessageKey; view: DocumentView };

/** The export menu: the graph as SVG or PNG, the derivation as LaTeX or Markdown, worksheets, the handout check. */
export default function ExportDialog({ onClose, onOpen }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [status, setStatus] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (typeof d.showModal === 'function' && !d.open) d.showModal();
    else d.setAttribute('open', '');
    d.querySelector<HTMLButtonElement>('.documents-actions button')?.focus();
  }, []);

  const closeDialog = () => {
    const d = dialog.current;
    if (d?.open && typeof d.close === 'function') d.close();
  };

  /** Saves a text or picture made from the lesson on screen; returns the file name. */
  const save = async (make: () => Promise<{ blob: Blob; name: string } | null>) => {
    const file = await make();
    if (!file) return null;
    downloadBlob(file.blob, file.name);
    return file.name;
  };
  const source = () => documentSource(lessonStore.getState());
  const text = (type: string, content: string) => new Blob([content], { type: `${type};charset=utf-8` });

  const groups: { key: MessageKey; actions: Action[] }[] = [
    {
      key: 'documents.graphGroup',
      actions: [
        {
          key: 'documents.svg',
          run: () =>
            save(async () => {
              const s = source();
              const image = graphImage();
              return s && image
                ? {
                    blob: new Blob([image.svg], { type: 'image/svg+xml' }),
                    name: `${s.base}-step-${s.cursor + 1}.svg`,
                  }
                : null;
            }),
        },
        {
          key: 'documents.png',
          run: () =>
            save(async () => {
              const s = source();
              const image = graphImage();
              return s && image
                ? { blob: await pngOf(image, 2), name: `${s.base}-step-${s.cursor + 1}.png` }
                : null;
            }),
        },
      ],
    },
    {
      key: 'documents.textGroup',
      actions: [
        {
          key: 'documents.stepLatex',
          run: () =>
            save(async () => {
              const s = source();
              if (!s) return null;
              const steps = derivationOf(s.lesson, s.timeline, s.digits, [s.cursor]);
              return {
                blob: text('application/x-tex', latexDocument(steps, s.head)),
                name: `${s.base}-step-${s.cursor + 1}.tex`,
              };
            }),
        },
        {
          key: 'documents.iterationLatex',
          run: () =>
            save(async () => {
              const s = source();
              if (!s) return null;
              const steps = derivationOf(s.lesson, s.timeline, s.digits);
              return {
                blob: text('application/x-tex', latexDocument(steps, s.head)),
                name: `${s.base}-iteration-${s.iteration}.tex`,
              };
            }),
        },
        {
          key: 'documents.iterationMarkdown',
          run: () =>
            save(async () => {
              const s = source();
              if (!s) return null;
              const steps = derivationOf(s.lesson, s.timeline, s.digits);
              return {
                blob: text('text/markdown', markdownDocument(steps, s.head)),
                name: `${s.base}-iteration-${s.iteration}.md`,
              };
            }),
        },
      ],
    },
    {
      key: 'documents.printGroup',
      actions: [
        { key: 'documents.worksheet', view: 'worksheet' },
        { key: 'documents.answerKey', view: 'answers' },
        { key: 'documents.checkHandout', view: 'handout' },
      ],
    },
  ];

  const press = async (a: Action) => {
    if ('view' in a) {
      closeDialog();
      onOpen(a.view);
      return;
    }
    try {
      const name = await a.run();
      setStatus(
        name ? t('documents.saved', { name }) : t(graphImage() ? 'documents.noStep' : 'documents.noGraph'),
      );
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <dialog
      ref={dialog}
      className="lesson-picker documents-menu"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        closeDialog();
        onClose();
      }}
      onClick={(e) => {
        const r = dialog.current?.getBoundingClientRect();
        const outside =
          r && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom);
        if (e.target === dialog.current && outside) {
          closeDialog();
          onClose();
        }
      }}
    >
      <div className="lesson-picker-head">
        <h2 id={titleId}>{t('documents.title')}</h2>
        <button
          type="button"
          onClick={() => {
            closeDialog();
            onClose();
          }}
          aria-label={t('documents.close')}
        >
          ×
        </button>
      </div>
      <div className="documents-actions">
        {groups.map((g) => (
          <section key={g.key} aria-label={t(g.key)}>
            <h3>{t(g.key)}</h3>
            {g.actions.map((a) => (
              <button
                key={a.key}
                type="button"
                aria-haspopup={'view' in a ? 'dialog' : undefined}
                onClick={() => void press(a)}
              >
                {t(a.key)}
              </button>
            ))}
          </section>
        ))}
      </div>
      <p className="documents-status" role="status">
        {status}
      </p>
    </dialog>
  );
}
