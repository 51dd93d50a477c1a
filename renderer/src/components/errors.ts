import { notifications } from '@mantine/notifications';
import { CallError } from '../api/client';
import { fa } from '../locale/fa';

/** A field's error from a failed call, when the call names that field (or a path ending in it). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof CallError) || !error.field) return undefined;
  return error.field === field || error.field.endsWith(`.${field}`) ? error.message : undefined;
}

/** A field's error only when the call names exactly this path (e.g. `requests.2.text`). */
export function fieldErrorExact(error: unknown, path: string): string | undefined {
  return error instanceof CallError && error.field === path ? error.message : undefined;
}

/** Shows an error that names no field on screen as a notification. */
export function notifyError(error: unknown): void {
  const message = error instanceof CallError ? error.message : fa.app.unexpected;
  notifications.show({ color: 'red', message, autoClose: 6000 });
}
