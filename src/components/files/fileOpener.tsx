import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LessonProblem } from '../../engine';
import type { MessageRef } from '../../formulas';
import { lessonStore, refusalMessage } from '../../store';

/** Files larger than this are refused before reading (a lesson at the format's size caps is under 2 MB). */
export const MAX_FILE_MB = 5;

/** Why a file was not opened: its name, and every problem found (or one reason it could not be read). */
export interface Refusal {
  name: string;
  problems: LessonProblem[];
  reason?: MessageRef;
}

interface FileOpener {
  /** Reads a lesson file; a good one is loaded (undoably), a bad one refused with every problem. */
  openFile(file: File): Promise<boolean>;
  refusal: Refusal | null;
  /** A short confirmation for screen readers and eyes ("Opened …", "Link copied"). */
  status: MessageRef | null;
  setStatus(status: MessageRef | null): void;
  dismiss(): void;
}

const FILE_KEYS = { format: 'files.invalidLesson', nonFinite: 'files.nonFinite' } as const;

const Context = createContext<FileOpener | null>(null);

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Holds what the file controls, the drop overlay and the problem list share. */
export function FileOpenerProvider({ children }: { children: ReactNode }) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [status, setStatus] = useState<MessageRef | null>(null);
  const openFile = useCallback(async (file: File) => {
    setStatus(null);
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setRefusal({
        name: file.name,
        problems: [],
        reason: { key: 'files.tooLarge', params: { max: MAX_FILE_MB } },
      });
      return false;
    }
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setRefusal({ name: file.name, problems: [], reason: { key: 'files.unreadable' } });
      return false;
    }
    // the lesson reader comes with persistence, loaded after the first screen (its index would bring it along)
    const { parseLessonFile } = await import('../../store/persist');
    const r = parseLessonFile(text);
    if (!r.ok) {
      setRefusal({ name: file.name, problems: r.problems });
      return false;
    }
    // the gate: a lesson whose step is not finite is refused too, and nothing else changes
    const opened = lessonStore.getState().loadLesson(r.lesson, { cursor: 0 });
    if (!opened.ok) {
      const { refusal } = opened;
      if (refusal.kind === 'format') setRefusal({ name: file.name, problems: refusal.problems });
      else setRefusal({ name: file.name, problems: [], reason: refusalMessage(refusal, FILE_KEYS) });
      return false;
    }
    setRefusal(null);
    setStatus({ key: 'files.opened', params: { name: file.name } });
    return true;
  }, []);
  const dismiss = useCallback(() => setRefusal(null), []);
  const value = useMemo(
    () => ({ openFile, refusal, status, setStatus, dismiss }),
    [openFile, refusal, status, dismiss],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useFileOpener(): FileOpener {
  const value = useContext(Context);
  if (!value) throw new Error('useFileOpener needs a <FileOpenerProvider> above it');
  return value;
}
