import type { Actor } from '../../../../electron/core/contract';

/** The follow-up worklist: open instructions until they have a result. */
export function FollowupScreen(_props: { me: Actor }) {
  return null;
}
