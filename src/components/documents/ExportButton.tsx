import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import '../toolButton.css';

/** The export menu and the views it opens load on first use, outside the first screen's bundle. */
const ExportDialog = lazy(() => import('./ExportDialog'));
const PrintSheet = lazy(() => import('./PrintSheet'));
const HandoutChecker = lazy(() => import('./HandoutChecker'));

/** What is open: the menu, a print view, or the handout checker. */
export type DocumentView = 'menu' | 'worksheet' | 'answers' | 'handout';

/** The "Export" button (beside Next iteration): the export menu, worksheets and the handout checker. */
export function ExportButton() {
  const t = useT();
  const [view, setView] = useState<DocumentView | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const close = () => {
    refocus.current = true;
    setView(null);
  };
  // focus back on the button once a view has gone (and the app beneath is no longer inert)
  useEffect(() => {
    if (view !== null || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [view]);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="tool-button documents-open"
        aria-haspopup="dialog"
        onClick={() => setView('menu')}
      >
        {/* a page with a corner folded and an arrow out of it: export and print */}
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            d="M5 2h7l4 4v5M12 2v4h4M16 18H5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1M9 12h9m-3-3 3 3-3 3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span>{t('documents.open')}</span>
      </button>
      {view && (
        <Suspense
          fallback={
            <span role="status" className="sr-only">
              {t('documents.loading')}
            </span>
          }
        >
          {view === 'menu' && <ExportDialog onClose={close} onOpen={setView} />}
          {(view === 'worksheet' || view === 'answers') && (
            <PrintSheet answers={view === 'answers'} onClose={close} />
          )}
          {view === 'handout' && <HandoutChecker onClose={close} />}
        </Suspense>
      )}
    </>
  );
}
