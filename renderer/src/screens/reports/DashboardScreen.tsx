/** The director's dashboard. */
export function DashboardScreen() {
  return null;
}
