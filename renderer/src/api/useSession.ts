import { useSyncExternalStore } from 'react';
import { session } from './client';

/** The current session token; re-renders when someone logs in or out. */
export function useToken(): string | null {
  return useSyncExternalStore(
    (notify) => {
      const off = session.onChange(notify);
      return () => void off();
    },
    () => session.token,
  );
}
