import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../client.ts';
import { migrateDatabase, migrationsFolder, rowsOf } from '../migrate.ts';
import { guardrailTierFor } from '../queries/certifications.ts';

/** The committed migrations up to and including `lastTag`, in a folder of their own. */
function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('deriving the guardrail tier from certifications (migration 0014)', () => {
  const folder = migrationsUpTo('0013_people_training_qa');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps agents set to L2 by hand at L2, through a carried-over grant', async () => {
    const handle = createDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(handle, folder);
      await handle.db.execute(sql`insert into users (id, name, email, role, agent_tier) values
        ('senior', 'Senior Agent', 'senior@example.test', 'agent', 'L2'),
        ('junior', 'Junior Agent', 'junior@example.test', 'agent', 'L1'),
        ('untiered', 'New Agent', 'new@example.test', 'agent', null)`);
      await migrateDatabase(handle);
      expect(await guardrailTierFor(handle.db, 'senior')).toBe('L2');
      expect(await guardrailTierFor(handle.db, 'junior')).toBe('L1');
      expect(await guardrailTierFor(handle.db, 'untiered')).toBe('L1');
    } finally {
      await handle.close();
    }
  });

  it('adds no certification where nobody was L2', async () => {
    const handle = createDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(handle);
      const [tiered] = rowsOf<{ count: number }>(
        await handle.db.execute(
          sql`select count(*)::int as count from certifications where grants_tier is not null`,
        ),
      );
      expect(tiered?.count).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
