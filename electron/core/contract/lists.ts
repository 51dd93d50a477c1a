import { z } from 'zod';
import { REPRESENTATIVES, STAFF, method, returns } from './define';
import { id, requiredText, text } from './fields';
import { LIST_KINDS, type ListItem, type Lists, type Settings } from './types';

export const listsContract = {
  'lists.all': method({ input: z.strictObject({}), access: [...STAFF, ...REPRESENTATIVES], readonly: true, returns: returns<Lists>() }),
  'lists.save': method({
    input: z.strictObject({
      kind: z.enum(LIST_KINDS),
      id: id.optional(),
      name: requiredText(120),
      active: z.boolean().default(true),
      sort: z.number().int().min(0).max(100000).optional(),
      room: text(120).default(''),
    }),
    access: ['admin'],
    returns: returns<ListItem>(),
  }),
  'settings.get': method({ input: z.strictObject({}), access: STAFF, readonly: true, returns: returns<Settings>() }),
  'settings.save': method({
    input: z.strictObject({
      directorateName: requiredText(160).optional(),
      province: requiredText(80).optional(),
      maxPriorityInRow: z.number().int().min(0).max(20).optional(),
      dueDays: z
        .strictObject({
          answered: z.number().int().min(0).max(365),
          unit: z.number().int().min(0).max(365),
          agency: z.number().int().min(0).max(365),
          not_possible: z.number().int().min(0).max(365),
          review: z.number().int().min(0).max(365),
        })
        .optional(),
      logo: z
        .string()
        .max(300_000)
        .regex(/^(data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+)?$/, { error: 'msg:logo.format' })
        .optional(),
      autoPrintSlips: z.boolean().optional(),
      printer: text(200).optional(),
      staleDays: z.number().int().min(1).max(90).optional(),
      smsGateway: z
        .strictObject({
          url: z.string().max(300).regex(/^(https?:\/\/\S+)?$/, { error: 'msg:gateway.url' }),
          token: z.string().max(300),
          sender: z.string().max(40),
        })
        .optional(),
    }),
    access: ['admin'],
    returns: returns<Settings>(),
  }),
};
