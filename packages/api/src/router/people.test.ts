import { uniqueSuffix } from '@switchboard/db/testing';
import type { Role } from '@switchboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApi,
  expectBadInput,
  randomClientIp,
  sessionCookie,
  TEST_PASSWORD,
  type TestApi,
} from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie for the right password', async () => {
    const staff = await api.createStaff('agent');
    const response = await api.signIn(staff.email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/switchboard\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await (await api.callerFor(sessionCookie(response))).people.me();
    expect(me.email).toBe(staff.email);
    expect(me.access).toMatchObject({ workspace: true, console: false, admin: false });
  });

  it('refuses a wrong password without a session', async () => {
    const staff = await api.createStaff('lead');
    const response = await api.signIn(staff.email, 'not-the-password');
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().join('')).not.toMatch(/session_token=[^;]/);
  });

  it('stores passwords as memory-hard hashes, never in plain text', async () => {
    const staff = await api.createStaff('agent');
    const { accounts } = await import('@switchboard/db/schema');
    const { eq } = await import('drizzle-orm');
    const [account] = await api.handle.db
      .select()
      .from(accounts)
      .where(eq(accounts.userId, staff.id));
    expect(account?.password).not.toContain(TEST_PASSWORD);
    expect(account?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it('rate-limits repeated failed sign-ins from one address', async () => {
    const staff = await api.createStaff('agent');
    const ip = randomClientIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await api.signIn(staff.email, 'wrong-password', ip)).status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password waits out the window once the address is limited.
    expect((await api.signIn(staff.email, TEST_PASSWORD, ip)).status).toBe(429);
    // Another address is unaffected.
    expect((await api.signIn(staff.email, TEST_PASSWORD, randomClientIp())).status).toBe(200);
  });

  it('treats a deactivated user as signed out', async () => {
    const staff = await api.createStaff('agent', { active: false });
    const response = await api.signIn(staff.email);
    const caller = await api.callerFor(sessionCookie(response));
    await expect(caller.people.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('people.me', () => {
  it('is UNAUTHORIZED without a session', async () => {
    const caller = await api.callerFor();
    await expect(caller.people.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('is UNAUTHORIZED with a forged cookie', async () => {
    const caller = await api.callerFor('switchboard.session_token=forged.value');
    await expect(caller.people.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('people.list', () => {
  const allowed: Record<Role, boolean> = { agent: false, lead: true, trainer: true, admin: true };
  for (const [role, isAllowed] of Object.entries(allowed) as [Role, boolean][]) {
    it(`${isAllowed ? 'lets' : 'forbids'} a ${role}`, async () => {
      const { caller } = await api.callerAs(role);
      if (isAllowed) {
        const page = await caller.people.list({ limit: 10 });
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.total).toBeGreaterThanOrEqual(page.items.length);
      } else {
        await expect(caller.people.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  }

  it('filters by role and searches by name or email', async () => {
    const { caller } = await api.callerAs('admin');
    // A name no other run leaves behind: a PostgreSQL database outlives one test run.
    const marker = `zelda-${uniqueSuffix().toLowerCase()}`;
    const trainer = await api.createStaff('trainer', { name: `Zelda ${marker}` });
    const byRole = await caller.people.list({ role: 'trainer', limit: 200 });
    expect(byRole.items.every((user) => user.role === 'trainer')).toBe(true);
    const bySearch = await caller.people.list({ search: marker.toUpperCase() });
    expect(bySearch.items.map((user) => user.id)).toEqual([trainer.id]);
    const wildcard = await caller.people.list({ search: '%' });
    expect(wildcard.items).toEqual([]);
  });

  it('answers bad input with BAD_REQUEST naming the field', async () => {
    const { caller } = await api.callerAs('lead');
    const message = await expectBadInput(caller.people.list({ limit: 5000 }), 'limit');
    expect(message).toMatch(/^Invalid input — limit: /);
    await expectBadInput(caller.people.list({ role: 'superuser' as Role }), 'role');
  });
});
