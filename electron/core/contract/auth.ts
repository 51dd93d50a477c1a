import { z } from 'zod';
import { ANY_ROLE, method, returns, ROLES } from './define';
import { id, password, requiredText, username } from './fields';
import type { Actor, SessionInfo, UserRow } from './types';

export const authContract = {
  'auth.status': method({
    input: z.strictObject({}),
    access: 'public',
    readonly: true,
    returns: returns<{ needsSetup: boolean; directorateName: string }>(),
  }),
  'auth.setup': method({
    input: z.strictObject({ username, displayName: requiredText(80), password }),
    access: 'public',
    returns: returns<SessionInfo>(),
  }),
  'auth.login': method({
    input: z.strictObject({ username: z.string().max(64), password: z.string().max(128) }),
    access: 'public',
    returns: returns<SessionInfo>(),
  }),
  'auth.me': method({ input: z.strictObject({}), access: ANY_ROLE, readonly: true, returns: returns<Actor>() }),
  'auth.logout': method({ input: z.strictObject({}), access: ANY_ROLE, returns: returns<null>() }),
  'users.list': method({ input: z.strictObject({}), access: ['admin'], readonly: true, returns: returns<UserRow[]>() }),
  'users.create': method({
    input: z
      .strictObject({
        username,
        displayName: requiredText(80),
        role: z.enum(ROLES),
        password,
        unitId: id.nullable().default(null),
        agencyId: id.nullable().default(null),
      })
      .refine((u) => u.role !== 'unit' || u.unitId !== null, { error: 'msg:user.unitRequired', path: ['unitId'] })
      .refine((u) => u.role !== 'agency' || u.agencyId !== null, { error: 'msg:user.agencyRequired', path: ['agencyId'] }),
    access: ['admin'],
    returns: returns<UserRow>(),
  }),
};
