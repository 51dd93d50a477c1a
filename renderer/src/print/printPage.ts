/**
 * Prints a print route: in the desktop app through the bridge (silently to the printer chosen
 * in settings, or to a PDF file); in a browser as a PDF of the same route rendered by the
 * station's Chromium, downloaded. Routes: /print/ticket/:visitId, /print/slip/:instructionId,
 * /print/visit/:visitId, /print/visit-slips/:visitId.
 */
export async function printPage(_route: string): Promise<void> {
  // filled in by the print work
}
