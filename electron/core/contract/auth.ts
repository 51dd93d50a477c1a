import { z } from 'zod';
import { ANY_ROLE, method, returns, ROLES } from './define';
import { id, password, requiredText, username } from './fields';
import { listsContract } from './lists';
import type { Actor, SessionInfo, UserRow } from './types';
import { normalizeForSearch } from '../domain/normalize';

/** A user as the admin's screen shows them: besides the record, the lock, the last sign-in and the live sessions. */
export interface UserAdminRow extends UserRow {
  /** Until when sign-in is refused after repeated failures; null when not locked now. */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  /** Sessions still alive (not expired, not idle too long). */
  sessions: number;
}

/** A unit's representative needs the unit, an agency's the agency (the host checks both exist and are active). */
const withRepresentation = <T extends z.ZodType<{ role: string; unitId: string | null; agencyId: string | null }>>(schema: T) =>
  schema
    .refine((u) => u.role !== 'unit' || u.unitId !== null, { error: 'msg:user.unitRequired', path: ['unitId'] })
    .refine((u) => u.role !== 'agency' || u.agencyId !== null, { error: 'msg:user.agencyRequired', path: ['agencyId'] });

const userId = z.strictObject({ id });

/** What the first-run wizard starts from (the fresh database's seeded values); only while no user exists. */
export interface SetupDefaults {
  directorateName: string;
  province: string;
  /** The seeded counties, in their order. */
  counties: { id: string; name: string }[];
  logo: string;
  printer: string;
  backupFolder: string;
  /** Where backups go when `backupFolder` is '': the `backups` folder beside the database, as an absolute path on the host. */
  defaultBackupFolder: string;
}

/**
 * The province's counties as the wizard leaves them, in order: an item with an id keeps (and may
 * rename) that seeded county, one without is added, a seeded county not listed is removed. No
 * empty name, no name twice once normalized (ي/ی, ك/ک, ZWNJ, spaces …).
 */
const setupCounties = z
  .array(z.strictObject({ id: id.optional(), name: requiredText(120) }))
  .min(1, { error: 'msg:setup.countiesEmpty' })
  .max(200)
  .superRefine((items, check) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = normalizeForSearch(item.name);
      if (seen.has(key)) check.addIssue({ code: 'custom', message: 'msg:setup.countyDuplicate', path: [i, 'name'] });
      seen.add(key);
    });
  });

/** The settings the wizard sets, with the same rules as `settings.save`. */
const settingsField = listsContract['settings.save'].input.shape;

/**
 * The first run in one call: the first admin, and optionally the directorate, province, counties,
 * logo, printer and backup folder (each left out keeps the fresh database's value). The keys are
 * in the wizard's order, so the first error named is on the earliest step.
 */
const setupInput = z.strictObject({
  directorateName: settingsField.directorateName,
  province: settingsField.province,
  counties: setupCounties.optional(),
  logo: settingsField.logo,
  displayName: requiredText(80),
  username,
  password,
  printer: settingsField.printer,
  /** '' = the `backups` folder beside the database; otherwise an absolute folder the host can create and write into. */
  backupFolder: z
    .string()
    .max(400)
    .transform((v) => v.trim())
    .refine((v) => [...v].every((c) => c.charCodeAt(0) >= 0x20), { error: 'msg:setup.backupFolderInvalid' })
    .optional(),
});

export const authContract = {
  'auth.status': method({
    input: z.strictObject({}),
    access: 'public',
    readonly: true,
    /** `setup` (what the wizard starts from) only while no user exists. */
    returns: returns<{ needsSetup: boolean; directorateName: string; setup?: SetupDefaults }>(),
  }),
  /** Public only while no user exists; everything is written in one transaction, or nothing. */
  'auth.setup': method({
    input: setupInput,
    access: 'public',
    returns: returns<SessionInfo>(),
  }),
  /** Any stored password is accepted here (older, shorter ones too); the rules apply when one is set. */
  'auth.login': method({
    input: z.strictObject({ username: z.string().max(64), password: z.string().max(128) }),
    access: 'public',
    returns: returns<SessionInfo>(),
  }),
  'auth.me': method({ input: z.strictObject({}), access: ANY_ROLE, readonly: true, returns: returns<Actor>() }),
  'auth.logout': method({ input: z.strictObject({}), access: ANY_ROLE, returns: returns<null>() }),
  /** Ends every session of the caller, this one included. */
  'auth.logoutEverywhere': method({ input: z.strictObject({}), access: ANY_ROLE, returns: returns<{ ended: number }>() }),
  /** The caller's own password; ends their other sessions. */
  'auth.changePassword': method({
    input: z.strictObject({ current: z.string().min(1).max(128), next: password }),
    access: ANY_ROLE,
    returns: returns<null>(),
  }),
  'users.list': method({ input: z.strictObject({}), access: ['admin'], readonly: true, returns: returns<UserAdminRow[]>() }),
  'users.create': method({
    input: withRepresentation(
      z.strictObject({
        username,
        displayName: requiredText(80),
        role: z.enum(ROLES),
        password,
        unitId: id.nullable().default(null),
        agencyId: id.nullable().default(null),
      }),
    ),
    access: ['admin'],
    returns: returns<UserRow>(),
  }),
  /** Name, role and the unit or agency acted for; the last active admin keeps the admin role. */
  'users.update': method({
    input: withRepresentation(
      z.strictObject({
        id,
        displayName: requiredText(80),
        role: z.enum(ROLES),
        unitId: id.nullable().default(null),
        agencyId: id.nullable().default(null),
      }),
    ),
    access: ['admin'],
    returns: returns<UserRow>(),
  }),
  /** Deactivating ends the user's sessions; not oneself, not the last active admin. */
  'users.setActive': method({
    input: z.strictObject({ id, active: z.boolean() }),
    access: ['admin'],
    returns: returns<UserRow>(),
  }),
  /** A new password set by the admin: unlocks the account and ends the user's sessions. */
  'users.resetPassword': method({
    input: z.strictObject({ id, password }),
    access: ['admin'],
    returns: returns<null>(),
  }),
  /** Lifts a lock after repeated failed sign-ins. */
  'users.unlock': method({ input: userId, access: ['admin'], returns: returns<null>() }),
  /** Signs the user out everywhere (the admin's own current session stays). */
  'users.revokeSessions': method({ input: userId, access: ['admin'], returns: returns<{ ended: number }>() }),
};
