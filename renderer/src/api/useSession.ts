import { notifications } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';
import { fa } from '../locale/fa';
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

/**
 * The host put a backup in place of its database (`database.restored`): every session there
 * ended. The desk returns to the sign-in screen, and a notice that stays says why.
 */
export function signOutAfterRestore(): void {
  notifications.show({ id: 'database-restored', color: 'orange', autoClose: false, message: fa.backup.restoredSignedOut });
  session.set(null);
}
