import { useEffect } from 'react';
import { useKeyboard } from '../hooks/useKeyboard';
import { usePlayback } from '../hooks/usePlayback';
import { useT } from '../i18n';
import { useLessonStore } from '../store';
import { StepControls } from './controls/StepControls';
import { NetworkPanel } from './editor/NetworkPanel';
import { NetworkPanelProvider } from './editor/NetworkPanelContext';
import { DropOverlay } from './files/DropOverlay';
import { FileMessages } from './files/FileMessages';
import { FileOpenerProvider } from './files/fileOpener';
import { FormulaPanel } from './formula/FormulaPanel';
import { GraphPanel } from './graph/GraphPanel';
import { Header } from './Header';
import { Notice } from './Notice';
import { Narration } from './present/Narration';
import { PresenterOverlay, usePresenterScreen } from './present/presenter';
import '../styles/app.css';

/** The lesson screen: the network graph beside the formula panel, the step controls beneath. */
export function App() {
  const t = useT();
  const theme = useLessonStore((s) => s.theme);
  const locale = useLessonStore((s) => s.locale);
  useKeyboard();
  usePlayback();
  usePresenterScreen();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
    document.title = t('app.title');
  }, [locale, theme, t]);

  return (
    <NetworkPanelProvider>
      <div className="app" data-theme={theme}>
        <a className="skip-link" href="#lesson">
          {t('app.skipToContent')}
        </a>
        <FileOpenerProvider>
          <Header />
          <FileMessages />
          <DropOverlay />
        </FileOpenerProvider>
        <Notice />
        <main id="lesson" className="lesson">
          <GraphPanel />
          <FormulaPanel />
          <NetworkPanel />
          <StepControls />
        </main>
        <Narration />
        <PresenterOverlay />
      </div>
    </NetworkPanelProvider>
  );
}
