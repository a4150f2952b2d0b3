import { readFileSync } from 'node:fs';
import { apiKeyPattern } from '@switchboard/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from './seed/index.ts';

const repoFile = (path: string) =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the demo inbound API key', () => {
  it('has the shape of a real key, so the server accepts it', () => {
    expect(DEMO_API_KEY).toMatch(apiKeyPattern);
  });

  for (const path of ['README.md', 'tooling/scripts/start.mjs']) {
    it(`is the one ${path} tells people to use`, () => {
      const keys = repoFile(path).match(/sb_live_[A-Za-z0-9]+/g) ?? [];
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key).toBe(DEMO_API_KEY);
    });
  }
});
