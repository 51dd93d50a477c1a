import type { KeyboardEvent } from 'react';

/**
 * Enter in a searchable Select whose list is open but has no option marked yet (typed fast,
 * before the list marked its first match): take the first option instead of letting the
 * form submit. Returns whether it handled the key.
 */
export function enterPicksFirstOption(event: KeyboardEvent<HTMLElement>): boolean {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.defaultPrevented || target.getAttribute('aria-expanded') !== 'true') return false;
  event.preventDefault();
  const list = document.getElementById(target.getAttribute('aria-controls') ?? '');
  list?.querySelector<HTMLElement>('[role=option]:not([data-combobox-disabled])')?.click();
  return true;
}
