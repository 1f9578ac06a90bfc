import { StrictMode, useEffect } from 'react';
import { BOOT_ATTRIBUTE, READY_ATTRIBUTE, appStarted, whenConnected } from '../boot';
import { MANIFEST_FILES } from '../manifestFiles';
import { useLessonStore } from '../store';
import { App } from './App';
import { loadFirstScreenParts } from './lazyPanels';

/** Links the manifest in the screen's language, so the app installs under its name in that language. */
function ManifestLanguage() {
  const locale = useLessonStore((s) => s.locale);
  useEffect(() => {
    document.querySelector('link[rel="manifest"]')?.setAttribute('href', `./${MANIFEST_FILES[locale]}`);
  }, [locale]);
  return null;
}

/** Marks the page as started once the app's effects (its key handlers among them) have run and persistence is connected. */
function Started() {
  useEffect(() => {
    appStarted();
    let mounted = true;
    // on a first visit persistence loads beside the first screen: the app is ready once both are there, the
    // first screen's lazy parts (the drop target among them) too, a task after their chunks (their hydration)
    const parts = loadFirstScreenParts().then(() => new Promise((done) => setTimeout(done, 0)));
    void Promise.all([whenConnected(), parts.catch(() => undefined)]).then(() => {
      if (!mounted) return;
      const html = document.documentElement;
      html.removeAttribute(BOOT_ATTRIBUTE); // a frame hidden at start shows the app's own screen now
      html.setAttribute(READY_ATTRIBUTE, '');
    });
    return () => {
      mounted = false;
    };
  }, []);
  return null;
}

/** The page's whole tree: the build prerenders exactly this (src/prerender.tsx), and the page hydrates it. */
export function AppRoot() {
  return (
    <StrictMode>
      <App />
      <ManifestLanguage />
      <Started />
    </StrictMode>
  );
}
