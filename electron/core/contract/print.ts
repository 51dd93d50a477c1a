import { z } from 'zod';
import { STAFF, method, returns } from './define';
import { id } from './fields';
import type { SlipPrint, TicketPrint, VisitSummaryPrint } from './types';

/**
 * What the print routes show. Each call records one print, so the page can say whether it
 * is the first print or a reprint.
 */
export const printContract = {
  'print.ticket': method({ input: z.strictObject({ visitId: id }), access: STAFF, returns: returns<TicketPrint>() }),
  'print.slip': method({ input: z.strictObject({ instructionId: id }), access: STAFF, returns: returns<SlipPrint>() }),
  /** Every live instruction's slip of a visit, one page each (printed when the official finishes). */
  'print.visitSlips': method({ input: z.strictObject({ visitId: id }), access: STAFF, returns: returns<SlipPrint[]>() }),
  'print.visit': method({ input: z.strictObject({ visitId: id }), access: STAFF, returns: returns<VisitSummaryPrint>() }),
};
