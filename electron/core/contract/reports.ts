import { z } from 'zod';
import { method, returns } from './define';
import { id, isoDate } from './fields';
import type { Report } from './types';

const READERS = ['admin', 'official', 'followup'] as const;

export const reportScope = z
  .strictObject({
    meetingId: id.nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    countyId: id.nullable().default(null),
  })
  .refine((s) => s.from === null || s.to === null || s.from <= s.to, { error: 'msg:report.range', path: ['to'] });

export const reportsContract = {
  'reports.build': method({ input: reportScope, access: READERS, readonly: true, returns: returns<Report>() }),
};
