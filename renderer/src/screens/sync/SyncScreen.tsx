/** Issue 7: a site's export and the directorate's import (filled in by its implementation). */
export function SyncScreen() {
  return null;
}
