/** Saves a blob as a file the way a browser download does (a temporary link, clicked once). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The download has started from the link's click; the blob can go a moment later.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
