import { StrictMode, useEffect } from 'react';
import { BOOT_ATTRIBUTE, READY_ATTRIBUTE } from '../boot';
import { App } from './App';

/** Marks the page as started once the app's effects (its key handlers among them) have run. */
function Started() {
  useEffect(() => {
    const html = document.documentElement;
    html.removeAttribute(BOOT_ATTRIBUTE); // a frame hidden at start shows the app's own screen now
    html.setAttribute(READY_ATTRIBUTE, '');
  }, []);
  return null;
}

/** The page's whole tree: the build prerenders exactly this (src/prerender.tsx), and the page hydrates it. */
export function AppRoot() {
  return (
    <StrictMode>
      <App />
      <Started />
    </StrictMode>
  );
}
