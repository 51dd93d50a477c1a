import type { KeyboardEvent } from 'react';

/**
 * Keyboard-first forms: Enter in a field moves to the next field instead of submitting
 * (Shift+Enter still makes a new line in a text area). An open dropdown keeps its Enter.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  if (target.dataset.enter === 'own') return;
  event.preventDefault();
  const scope = event.currentTarget;
  const focusable = Array.from(
    scope.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[data-enter-stop]'),
  ).filter((el) => el.offsetParent !== null && el.tabIndex >= 0);
  const next = focusable[focusable.indexOf(target) + 1];
  next?.focus();
}
