import type { KeyboardEvent } from 'react';
import { enterMovesOn } from '../../components/enterMovesOn';

/**
 * Enter in the wizard: as everywhere (components/enterMovesOn), except on a radio button, where
 * it moves past the rest of its group — the arrows choose, Enter goes on — to the next field or
 * to «گام بعد». Ctrl+Enter, from anywhere in the step, goes to the next step (as it saves elsewhere).
 */
export function wizardEnter(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
    return;
  }
  const plain = event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
  if (!plain || !(target instanceof HTMLInputElement) || target.type !== 'radio') return enterMovesOn(event);
  event.preventDefault();
  const focusable = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[data-enter-stop]'),
  ).filter((el) => el.offsetParent !== null && el.tabIndex >= 0 && (el === target || !(el instanceof HTMLInputElement && el.type === 'radio' && el.name === target.name)));
  focusable[focusable.indexOf(target) + 1]?.focus();
}
