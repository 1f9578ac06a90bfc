import { useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { lessonStore, selectIteration } from '../../store';
import { compressOffThread, encodeLinkAsync } from '../../store/persist';
import { downloadLesson, shareUrl } from './download';
import { useFileOpener } from './fileOpener';
import { ToolIcon } from './ToolIcon';

/** Save the lesson as a file, open one, and copy a link that reopens this very screen. */
export function FileControls() {
  const t = useT();
  const { openFile, setStatus } = useFileOpener();
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // In the commit that shows the field, so the keyboard is on it as soon as it is there.
  useLayoutEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [fallback]);

  const copyLink = async () => {
    const s = lessonStore.getState();
    const { lesson, granularity, cursor } = s;
    // a large lesson's link is compressed off the page's thread (at once when the address bar has it already)
    const hash = await encodeLinkAsync(
      { lesson, granularity, cursor, iteration: selectIteration(s) },
      compressOffThread,
    );
    window.history.replaceState(window.history.state, '', hash); // no reload, no hashchange
    const url = shareUrl(hash);
    try {
      await navigator.clipboard.writeText(url);
      setFallback(null);
      setStatus({ key: 'files.linkCopied' });
    } catch {
      setFallback(url); // no clipboard (insecure page, permission refused): select a field instead
    }
  };

  return (
    <div className="file-controls">
      <button
        type="button"
        onClick={() => downloadLesson(lessonStore.getState().lesson)}
        aria-label={t('files.save')}
        title={t('files.save')}
      >
        <ToolIcon name="save" />
      </button>
      <label className="button-like" title={t('files.open')}>
        <ToolIcon name="open" />
        <input
          type="file"
          accept=".json,application/json"
          className="sr-only"
          aria-label={t('files.open')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // choosing the same file again still opens it
            if (file) void openFile(file);
          }}
        />
      </label>
      <div className="share">
        <button
          type="button"
          onClick={() => void copyLink()}
          aria-label={t('files.copyLink')}
          title={t('files.copyLink')}
        >
          <ToolIcon name="link" />
        </button>
        {fallback && (
          <div className="share-fallback">
            <label>
              <span>{t('files.copyThisLink')}</span>
              <input
                ref={field}
                readOnly
                value={fallback}
                onFocus={(e) => e.target.select()}
                onKeyDown={(e) => e.key === 'Escape' && setFallback(null)}
              />
            </label>
            <button type="button" onClick={() => setFallback(null)} aria-label={t('files.closeLink')}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
