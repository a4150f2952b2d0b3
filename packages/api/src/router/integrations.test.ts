import { verifyApiKey } from '@switchboard/db/queries/api-keys';
import { apiKeys } from '@switchboard/db/schema';
import { apiKeyPattern, type Role } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, expectBadInput, type TestApi } from '../testing.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('integrations API keys', () => {
  it('creates a key shown once, stores only its hash, and lists it without secrets', async () => {
    const { caller, userId } = await api.callerAs('admin');
    const created = await caller.integrations.createApiKey({ name: '  Rider app webhook  ' });
    expect(created.key).toMatch(apiKeyPattern);
    expect(created).toMatchObject({ name: 'Rider app webhook', prefix: created.key.slice(0, 12) });

    const [stored] = await api.handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(stored).toMatchObject({ createdById: userId, prefix: created.key.slice(0, 12) });
    expect(stored!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const page = await caller.integrations.listApiKeys({ limit: 200 });
    const listed = page.items.find((item) => item.id === created.id);
    expect(listed).toMatchObject({
      name: 'Rider app webhook',
      prefix: created.key.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(listed?.createdByName).toMatch(/^Test admin/);
    expect(JSON.stringify(page)).not.toContain(created.key);
    expect(JSON.stringify(page)).not.toContain(stored!.keyHash);
  });

  it('issues a different key every time', async () => {
    const { caller } = await api.callerAs('admin');
    const keys = await Promise.all(
      Array.from({ length: 5 }, () => caller.integrations.createApiKey({ name: 'Batch key' })),
    );
    expect(new Set(keys.map((key) => key.key)).size).toBe(5);
  });

  it('verifies an active key, records its use at most once a minute, and refuses it once revoked', async () => {
    const { caller } = await api.callerAs('admin');
    const created = await caller.integrations.createApiKey({ name: 'Driver app' });
    const now = new Date();
    expect(await verifyApiKey(api.handle.db, created.key, now)).toEqual({
      id: created.id,
      name: 'Driver app',
    });
    const lastUsed = async () =>
      (await api.handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toEqual(now);
    await verifyApiKey(api.handle.db, created.key, new Date(now.getTime() + 30_000));
    expect(await lastUsed()).toEqual(now);
    const later = new Date(now.getTime() + 61_000);
    await verifyApiKey(api.handle.db, created.key, later);
    expect(await lastUsed()).toEqual(later);

    expect(await verifyApiKey(api.handle.db, `${created.key.slice(0, -1)}x`)).toBeNull();
    expect(await verifyApiKey(api.handle.db, 'not-a-key')).toBeNull();

    const revoked = await caller.integrations.revokeApiKey({ id: created.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey(api.handle.db, created.key)).toBeNull();
    // Revoking again changes nothing.
    expect((await caller.integrations.revokeApiKey({ id: created.id })).revokedAt).toEqual(
      revoked.revokedAt,
    );
    const listed = (await caller.integrations.listApiKeys({ limit: 200 })).items.find(
      (item) => item.id === created.id,
    );
    expect(listed?.revokedAt).toEqual(revoked.revokedAt);
    expect(listed?.revokedByName).toMatch(/^Test admin/);
    const activeOnly = await caller.integrations.listApiKeys({ includeRevoked: false, limit: 200 });
    expect(activeOnly.items.some((item) => item.id === created.id)).toBe(false);
  });

  it('answers NOT_FOUND for an unknown key id', async () => {
    const { caller } = await api.callerAs('admin');
    await expect(
      caller.integrations.revokeApiKey({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  for (const role of ['agent', 'lead', 'trainer'] as Role[]) {
    it(`forbids ${role === 'agent' ? 'an' : 'a'} ${role} from listing, creating and revoking keys`, async () => {
      const { caller } = await api.callerAs(role);
      await expect(caller.integrations.listApiKeys({})).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(caller.integrations.createApiKey({ name: 'Sneaky key' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        caller.integrations.revokeApiKey({ id: '00000000-0000-4000-8000-000000000000' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  }

  it('is UNAUTHORIZED signed out and BAD_REQUEST naming the field on bad input', async () => {
    await expect(
      (await api.callerFor()).integrations.createApiKey({ name: 'Anonymous' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const { caller } = await api.callerAs('admin');
    await expectBadInput(caller.integrations.createApiKey({ name: ' x ' }), 'name');
    await expectBadInput(caller.integrations.createApiKey({ name: 'k'.repeat(81) }), 'name');
    await expectBadInput(caller.integrations.revokeApiKey({ id: 'key-1' }), 'id');
    await expectBadInput(caller.integrations.listApiKeys({ limit: 0 }), 'limit');
  });
});
