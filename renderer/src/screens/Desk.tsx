import type { Actor } from '../../../electron/core/contract';

/** The presiding official's desk for a meeting. */
export function Desk(_props: { meetingId: string; me: Actor }) {
  return null;
}
