/** The waiting-room board of a meeting (ticket numbers only). */
export function DisplayScreen(_props: { meetingId: string }) {
  return null;
}
