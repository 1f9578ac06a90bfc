/** The "×" button that closes a dialog or a panel, named for screen readers. */
export function CloseButton({
  label,
  onClick,
  className,
}: {
  label: string;
  onClick: () => void;
  className?: string;
}) {
  return (
    <button type="button" className={className} onClick={onClick} aria-label={label}>
      ×
    </button>
  );
}
