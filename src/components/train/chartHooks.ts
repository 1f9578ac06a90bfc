import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** A number that changes when the page's theme (or the system's colour scheme) does, while `wanted`. */
export function useThemeVersion(wanted: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!wanted) return;
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener('change', bump);
    window.addEventListener('resize', bump);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', bump);
      window.removeEventListener('resize', bump);
    };
  }, [wanted]);
  return version;
}

/** The width of an element, followed as it changes (null before it is measured or when not wanted). */
export function useWidth(ref: RefObject<HTMLElement | null>, wanted: boolean): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!wanted || !el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = el.clientWidth;
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, wanted]);
  return width;
}
