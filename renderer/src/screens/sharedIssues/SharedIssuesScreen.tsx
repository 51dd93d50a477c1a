/** Issue 7: shared (networked) problems (filled in by its implementation). */
export function SharedIssuesScreen() {
  return null;
}
