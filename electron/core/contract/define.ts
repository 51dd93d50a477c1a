import type { z } from 'zod';

export const ROLES = ['admin', 'operator', 'official', 'followup', 'unit', 'agency', 'display'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a method: a list of roles, or 'public' for the few calls made before a session exists. */
export type Access = readonly Role[] | 'public';

/** One named method of the contract: its input schema, who may call it, and (as a type only) what it returns. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** Reads only: runs in a deferred transaction instead of an immediate (write-locking) one. */
  readonly?: boolean;
  /** Phantom: carries the output type; never read at run time. */
  output?: O;
}

/** Declares a method; `returns<T>()` names its output type. */
export function method<I extends z.ZodType, O>(spec: {
  input: I;
  access: Access;
  readonly?: boolean;
  returns: Returns<O>;
}): MethodSpec<I, O> {
  return { input: spec.input, access: spec.access, ...(spec.readonly ? { readonly: true } : {}) };
}

declare const returnsBrand: unique symbol;
export interface Returns<O> {
  readonly [returnsBrand]?: O;
}
export function returns<O>(): Returns<O> {
  return {};
}

/** The directorate's own staff: they see the whole of a meeting and the clients' records. */
export const STAFF: readonly Role[] = ['admin', 'operator', 'official', 'followup'];

/** Everyone signed in, the representatives of units and agencies and the waiting-room display too. */
export const ANY_ROLE: readonly Role[] = ROLES;

/** Representatives of a unit or an agency: they see and update only what was referred to them. */
export const REPRESENTATIVES: readonly Role[] = ['unit', 'agency'];

/**
 * Merges per-area method tables into one; a name defined twice is a programming error
 * and stops the program at start-up rather than silently shadowing a method.
 */
export function combine<T extends readonly Record<string, unknown>[]>(...tables: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    for (const name of Object.keys(table)) {
      if (Object.hasOwn(out, name)) throw new Error(`method defined twice: ${name}`);
      out[name] = table[name];
    }
  }
  return out as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
