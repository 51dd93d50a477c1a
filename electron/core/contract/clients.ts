import { z } from 'zod';
import { STAFF, method, returns } from './define';
import { id, isoDate, mobile, nationalId, requiredText, text } from './fields';
import { CIRCUMSTANCES, SEXES, type Client, type ClientHit } from './types';

export const clientFields = z.strictObject({
  nationalId,
  firstName: requiredText(60),
  lastName: requiredText(80),
  fatherName: text(60).default(''),
  birthDate: isoDate.nullable().default(null),
  sex: z.enum(SEXES),
  mobile: mobile.default(''),
  address: text(400).default(''),
  countyId: id.nullable().default(null),
  fileNumber: text(40).default(''),
  circumstances: z.array(z.enum(CIRCUMSTANCES)).max(CIRCUMSTANCES.length).default([]),
});

const INTAKE = ['admin', 'operator', 'official'] as const;

export const clientsContract = {
  'clients.search': method({
    input: z.strictObject({ query: z.string().max(120), limit: z.number().int().min(1).max(100).default(20) }),
    access: STAFF,
    readonly: true,
    returns: returns<ClientHit[]>(),
  }),
  'clients.get': method({ input: z.strictObject({ id }), access: STAFF, readonly: true, returns: returns<Client>() }),
  'clients.byNationalId': method({
    input: z.strictObject({ nationalId }),
    access: STAFF,
    readonly: true,
    returns: returns<Client | null>(),
  }),
  'clients.create': method({ input: clientFields, access: INTAKE, returns: returns<Client>() }),
  'clients.update': method({
    input: z.strictObject({ id, fields: clientFields }),
    access: INTAKE,
    returns: returns<Client>(),
  }),
};
