import { useState } from 'react';
import { derivationOf, latexDocument, markdownDocument } from '../../documents';
import { useT, type MessageKey } from '../../i18n';
import { lessonStore, selectIteration } from '../../store';
import { Dialog } from '../Dialog';
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
  const [status, setStatus] = useState('');

  /** Saves a text or picture made from the lesson on screen; returns the file name. */
  const save = async (make: () => Promise<{ blob: Blob; name: string } | null>) => {
    const file = await make();
    if (!file) return null;
    downloadBlob(file.blob, file.name);
    return file.name;
  };
  const source = () => {
    const s = lessonStore.getState();
    return documentSource({ ...s, iteration: selectIteration(s) });
  };
  const text = (type: string, content: string) => new Blob([content], { type: `${type};charset=utf-8` });

  /** The graph on screen as a picture, named after the step. */
  const picture = (ext: 'svg' | 'png') => () =>
    save(async () => {
      const s = source();
      const image = graphImage();
      if (!s || !image) return null;
      const blob = ext === 'svg' ? new Blob([image.svg], { type: 'image/svg+xml' }) : await pngOf(image, 2);
      return { blob, name: `${s.base}-step-${s.cursor + 1}.${ext}` };
    });
  /** The derivation of the step on screen or of the whole iteration, as LaTeX or Markdown. */
  const derivation = (format: 'latex' | 'markdown', scope: 'step' | 'iteration') => () =>
    save(async () => {
      const s = source();
      if (!s) return null;
      const steps = derivationOf(s.lesson, s.timeline, s.digits, scope === 'step' ? [s.cursor] : undefined);
      const [type, write, ext] =
        format === 'latex'
          ? (['application/x-tex', latexDocument, 'tex'] as const)
          : (['text/markdown', markdownDocument, 'md'] as const);
      const part = scope === 'step' ? `step-${s.cursor + 1}` : `iteration-${s.iteration}`;
      return { blob: text(type, write(steps, s.head)), name: `${s.base}-${part}.${ext}` };
    });

  const groups: { key: MessageKey; actions: Action[] }[] = [
    {
      key: 'documents.graphGroup',
      actions: [
        { key: 'documents.svg', run: picture('svg') },
        { key: 'documents.png', run: picture('png') },
      ],
    },
    {
      key: 'documents.textGroup',
      actions: [
        { key: 'documents.stepLatex', run: derivation('latex', 'step') },
        { key: 'documents.iterationLatex', run: derivation('latex', 'iteration') },
        { key: 'documents.iterationMarkdown', run: derivation('markdown', 'iteration') },
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
    <Dialog
      messages="documents"
      onClose={onClose}
      className="documents-menu"
      initialFocus={['.documents-actions button']}
    >
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
    </Dialog>
  );
}
