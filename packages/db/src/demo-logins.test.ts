import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/index.ts';

const repoFile = (path: string) =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('demo logins people are told about', () => {
  for (const path of ['README.md', 'tooling/scripts/start.mjs']) {
    it(`${path} names only seeded users and the seeded password`, () => {
      const text = repoFile(path);
      const emails = text.match(/[a-z.]+@switchboard\.test/g) ?? [];
      expect(emails.length).toBeGreaterThanOrEqual(4);
      const seeded = new Set(DEMO_USERS.map((user) => user.email));
      for (const email of emails) expect(seeded).toContain(email);
      expect(text).toContain(DEMO_PASSWORD);
    });
  }
});
