/** Reports for a meeting, a period, a county or the province, with exports. */
export function ReportsScreen() {
  return null;
}
