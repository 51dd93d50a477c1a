import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../contract';
import type { MethodSpec, Role } from '../contract/define';
import { ROLES } from '../contract/define';
import { createOpenMeeting, createTempCore, firstCategoryId, must, registerVisitor, signInUser, steppingClock, type TempCore } from '../testing/tempCore';

/**
 * Every method of the contract, fed inputs generated against its own zod schema that the
 * schema refuses (random values, and objects with the schema's own keys holding values of any
 * kind, with or without a stray key): each answer is a typed error with a Persian message —
 * never a crash, never `internal` — and the database file is byte for byte the same after it.
 * The clock stands still, so no session's last-seen time is written between calls.
 */
const RUNS = Number(process.env.DIDAR_FUZZ_RUNS ?? 25);
const TYPED = new Set(['invalid_input', 'not_found', 'forbidden', 'conflict', 'unauthenticated']);

let t: TempCore;
const tokens = new Map<Role, string>();

beforeAll(() => {
  t = createTempCore(steppingClock('2026-04-01T05:30:00.000Z', 0));
  const adminToken = t.setupAdmin();
  const admin = t.as(adminToken);
  const lists = must(admin('lists.all', {}));
  tokens.set('admin', adminToken);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    tokens.set(role, signInUser(t, adminToken, { username: `fuzz.${role}`, role, unitId: role === 'unit' ? lists.units[0]!.id : null, agencyId: role === 'agency' ? lists.agencies[0]!.id : null }));
  }
  const meetingId = createOpenMeeting(admin);
  for (let seed = 1; seed <= 3; seed++) registerVisitor(admin, meetingId, firstCategoryId(admin), seed);
});
afterAll(() => t.cleanup());

/** The database as bytes on disk (the main file and its write-ahead log), hashed. */
function fileHash(): string {
  const h = createHash('sha256');
  for (const f of [t.file, `${t.file}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}

/** The keys of an object schema, looking through refinements and pipes. */
function keysOf(schema: z.ZodType): string[] {
  let s = schema as unknown as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; schema?: unknown; innerType?: unknown } } };
  for (let i = 0; i < 5 && !s.shape; i++) {
    const def = s._zod?.def;
    const inner = def?.in ?? def?.schema ?? def?.innerType;
    if (!inner) break;
    s = inner as typeof s;
  }
  return s.shape ? Object.keys(s.shape) : [];
}

/** Inputs the method's own schema refuses. */
function invalidInputs(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { minKeys: 1, maxKeys: 3 })
      : fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything({ maxDepth: 2 })])), { requiredKeys: [] });
  const withStray = shaped.chain((o) => fc.constantFrom(o, { ...(o as object), strayKey: 1 }));
  // Dispatch reads a missing body (null) as {}: judged the same way here.
  return fc.oneof(fc.anything({ maxDepth: 2 }), withStray).filter((input) => !schema.safeParse(input ?? {}).success);
}

describe('bad input, generated from each method’s own schema', () => {
  const specs = Object.entries(contract as unknown as Record<string, MethodSpec>);

  it(`every method answers a typed Persian error and changes nothing (${RUNS} inputs each)`, () => {
    const before = fileHash();
    let calls = 0;
    for (const [method, spec] of specs) {
      // Call as a role that may use the method, so the input itself is what is judged.
      const role = spec.access === 'public' ? null : spec.access.includes('admin') ? 'admin' : spec.access[0]!;
      const call = (input: unknown) => t.core.dispatch(method, input, role ? tokens.get(role)! : null);
      fc.assert(
        fc.property(invalidInputs(spec.input), (input) => {
          const r = call(input);
          calls += 1;
          if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
          if (!TYPED.has(r.error.code)) throw new Error(`${method}: ${r.error.code} for ${JSON.stringify(input)}`);
          if (!/[\u0600-\u06ff]/.test(r.error.message)) throw new Error(`${method}: message not in Persian: ${r.error.message}`);
        }),
        { numRuns: RUNS, seed: 1405 },
      );
    }
    expect(t.internalErrors).toEqual([]);
    expect(calls).toBe(specs.length * RUNS);
    expect(fileHash(), 'the database file changed').toBe(before);
  }, 120_000);
});
