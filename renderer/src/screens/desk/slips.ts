import { notifications } from '@mantine/notifications';
import { fa } from '../../locale/fa';
import { printPage } from '../../print/printPage';

/** Prints a print route; a failure becomes a Persian notification, never a thrown error. */
async function printOrTell(route: string): Promise<void> {
  try {
    await printPage(route);
  } catch {
    notifications.show({ color: 'red', message: fa.desk.printFailed, autoClose: 8000 });
  }
}

/** Every live instruction's slip of a finished visit. */
export const printVisitSlips = (visitId: string) => printOrTell(`/print/visit-slips/${visitId}`);

/** One instruction's slip again. */
export const reprintSlip = (instructionId: string) => printOrTell(`/print/slip/${instructionId}`);
