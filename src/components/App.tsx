import { lazy, Suspense, useEffect, useState } from 'react';
import { useKeyboard, usePlayback } from '../hooks';
import { useT } from '../i18n';
import { useLessonStore } from '../store';
import { StepControls } from './controls/StepControls';
import { NetworkPanelProvider } from './editor/NetworkPanelContext';
import { FileOpenerProvider } from './files/fileOpener';
import { FormulaPanel } from './formula/FormulaPanel';
import { GraphPanel } from './graph/GraphPanel';
import { Header } from './Header';
import { DropOverlay, FileMessages, NetworkPanel } from './lazyPanels';
import { Notice } from './Notice';
import { ViewSwitch } from './train/ViewSwitch';
import { Narration } from './present/Narration';
import { PresenterOverlay, usePresenterScreen } from './present/presenter';
import '../styles/base.css';
import './app.css';

/** The Train view, loaded when first opened (its own chunk). */
const TrainView = lazy(() => import('./train/TrainView'));

/** The lesson screen: the network graph beside the formula panel, the step controls beneath. */
export function App() {
  const t = useT();
  const theme = useLessonStore((s) => s.theme);
  const locale = useLessonStore((s) => s.locale);
  const view = useLessonStore((s) => s.view);
  // once opened, the Train view stays mounted (hidden) so its run waits where it was
  const [trainOpened, setTrainOpened] = useState(view === 'train');
  if (view === 'train' && !trainOpened) setTrainOpened(true);
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
        <ViewSwitch />
        <main id="lesson" className="lesson" hidden={view !== 'step'}>
          <GraphPanel />
          <FormulaPanel />
          <NetworkPanel />
          <StepControls />
        </main>
        {trainOpened && (
          <main className="train-host" hidden={view !== 'train'}>
            <Suspense fallback={<p>{t('view.loading')}</p>}>
              <TrainView />
            </Suspense>
          </main>
        )}
        <Narration />
        <PresenterOverlay />
      </div>
    </NetworkPanelProvider>
  );
}
