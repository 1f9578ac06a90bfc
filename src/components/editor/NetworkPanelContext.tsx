import {
  createContext,
  useCallback,
  useContext,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useT } from '../../i18n';
import './edit-network.css';

/** Whether the "Network" panel is open: view state shared by its toggle (in the header) and the panel. */
interface NetworkPanelState {
  open: boolean;
  toggle(): void;
  /** Closes the panel and puts focus back on its toggle. */
  close(): void;
  panelId: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

const NetworkPanelContext = createContext<NetworkPanelState | null>(null);

export function NetworkPanelProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  const value = useMemo(() => ({ open, toggle, close, panelId, buttonRef }), [open, toggle, close, panelId]);
  return <NetworkPanelContext.Provider value={value}>{children}</NetworkPanelContext.Provider>;
}

/** The panel's state, or null outside a NetworkPanelProvider. */
export function useNetworkPanel(): NetworkPanelState | null {
  return useContext(NetworkPanelContext);
}

/** The header's "Edit network" toggle (renders nothing outside a NetworkPanelProvider). */
export function EditNetworkButton() {
  const t = useT();
  const panel = useNetworkPanel();
  if (!panel) return null;
  return (
    <button
      ref={panel.buttonRef}
      type="button"
      className="edit-network"
      aria-expanded={panel.open}
      aria-controls={panel.open ? panel.panelId : undefined}
      onClick={panel.toggle}
    >
      <span aria-hidden="true">✎ </span>
      {t('network.edit')}
    </button>
  );
}
