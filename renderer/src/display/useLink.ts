import { useEffect, useRef, useState } from 'react';
import { subscribe } from '../api/client';

/**
 * The display's own view of the link to the host: `offline` from the moment the event channel
 * drops, `resyncing` once it is back until a full snapshot has been read again, then `online`.
 * The board is hidden unless `online`, so a number called while the link was down is never
 * missing from a board that looks current.
 */
export type LinkState = 'online' | 'offline' | 'resyncing';

export function useLink(reload: () => Promise<{ status: 'pending' | 'success' | 'error' }>): LinkState {
  const [state, setState] = useState<LinkState>('online');
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  }, [reload]);

  useEffect(() => {
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const resync = async (g: number) => {
      const result = await reloadRef.current().catch(() => ({ status: 'error' as const }));
      if (stopped || g !== generation) return;
      if (result.status === 'success') setState('online');
      else timer = setTimeout(() => void resync(g), 1000);
    };
    const unsubscribe = subscribe(
      () => undefined, // the app's live updates already re-read the board on each event
      () => {
        generation += 1;
        setState('resyncing');
        void resync(generation);
      },
      (online) => {
        if (online) return;
        generation += 1;
        clearTimeout(timer);
        setState('offline');
      },
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
  return state;
}
