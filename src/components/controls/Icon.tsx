/** Transport icons drawn as SVG (font glyphs for ⏮ ⏭ are missing on many systems). */
export type IconName = 'first' | 'prev' | 'play' | 'pause' | 'next' | 'last';

const PATHS: Record<IconName, string> = {
  first: 'M5 4h2v16H5zM20 4v16L9 12z',
  prev: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M6 4v16l12-8z',
  last: 'M17 4h2v16h-2zM4 4v16l11-8z',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
