import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../core/contract';
import { ROLES, type MethodSpec, type Role } from '../core/contract/define';
import { createTempCore, must, signInUser, type TempCore } from '../core/testing/tempCore';
import { startStation, type Station } from './server';

/**
 * Every method of the contract × every role, through the HTTP host as a desk calls it: the
 * answer is `forbidden` (403) exactly when the contract does not list the role, and no method
 * but the public ones answers without a session (401). Each call carries a field no schema
 * knows, so an allowed call stops at validation and nothing is changed — the role is checked
 * before the input, and the table proves that too.
 */
let t: TempCore;
let station: Station;
const tokens = new Map<Role | 'none', string | null>();
/** The API's base address (the station's URL ends with a slash). */
const api = (method: string) => new URL(`/api/${encodeURIComponent(method)}`, station.url);

beforeAll(async () => {
  t = createTempCore();
  const adminToken = t.setupAdmin();
  const lists = must(t.as(adminToken)('lists.all', {}));
  tokens.set('none', null);
  tokens.set('admin', adminToken);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    tokens.set(
      role,
      signInUser(t, adminToken, { username: `role.${role}`, role, unitId: role === 'unit' ? lists.units[0]!.id : null, agencyId: role === 'agency' ? lists.agencies[0]!.id : null }),
    );
  }
  station = await startStation({ core: t.core, rendererDir: mkdtempSync(join(tmpdir(), 'didar-no-renderer-')), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await station.close();
  t.cleanup();
});

async function post(method: string, token: string | null): Promise<{ status: number; code: string | null }> {
  const res = await fetch(api(method), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ noSuchField: true }),
  });
  const text = await res.text();
  if (!text) throw new Error(`${method}: ${res.status} with no body at ${res.url}`);
  const body = JSON.parse(text) as { ok: boolean; error?: { code: string } };
  return { status: res.status, code: body.ok ? null : body.error!.code };
}

describe('method × role through the HTTP host', () => {
  const specs = Object.entries(contract as unknown as Record<string, MethodSpec>);

  it(`covers all ${specs.length} methods for ${ROLES.length} roles and no session`, async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const [method, spec] of specs) {
      for (const [who, token] of tokens) {
        const expected =
          spec.access === 'public' ? 'invalid_input' : who === 'none' ? 'unauthenticated' : spec.access.includes(who) ? 'invalid_input' : 'forbidden';
        const got = await post(method, token);
        calls += 1;
        const status = { invalid_input: 400, unauthenticated: 401, forbidden: 403 }[expected];
        if (got.code !== expected || got.status !== status) mismatches.push(`${method} as ${who}: ${got.code} ${got.status}, expected ${expected} ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(specs.length * (ROLES.length + 1));
    // The only doors open without a session.
    expect(specs.filter(([, s]) => s.access === 'public').map(([m]) => m).sort()).toEqual(['auth.login', 'auth.setup', 'auth.status']);
  });

  it('an unknown method, a prototype name, and a GET are refused', async () => {
    expect(await post('no.such.method', tokens.get('admin')!)).toEqual({ status: 404, code: 'unknown_method' });
    expect(await post('__proto__', tokens.get('admin')!)).toEqual({ status: 404, code: 'unknown_method' });
    expect((await fetch(api('auth.me'))).status).toBe(405);
  });
});
