import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useFileOpener } from './fileOpener';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Drag a lesson file anywhere on the page: an overlay shows while it hovers, dropping opens it. */
export function DropOverlay() {
  const t = useT();
  const { openFile } = useFileOpener();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every element crossed
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const move = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allows the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // never let the browser navigate to the file
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', move);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', move);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragleave', leave);
    };
  }, [openFile]);

  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <p>{t('files.dropHere')}</p>
    </div>
  );
}
