import type { FocusEvent } from 'react';

/**
 * The Jalali picker closes its calendar only on a click outside it; when the keyboard moves
 * the focus out (Enter, Tab), tell it so with such a click, or the calendar would cover the
 * next fields.
 */
export function closeCalendarOnLeave(e: FocusEvent<HTMLDivElement>): void {
  if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
  document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

/** Ctrl+Enter (or ⌘+Enter): save the form the focus is in. */
export function isSaveKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey;
}
