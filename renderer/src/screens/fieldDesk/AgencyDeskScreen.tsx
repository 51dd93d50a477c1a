import type { Actor } from '../../../../electron/core/contract';

/** Issue 7: an agency's desk at a field meeting (filled in by its implementation). */
export function AgencyDeskScreen(_props: { me: Actor }) {
  return null;
}
