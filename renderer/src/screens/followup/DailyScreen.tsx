/** The directorate's daily view of what is due or overdue. */
export function DailyScreen() {
  return null;
}
