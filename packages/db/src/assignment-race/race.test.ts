import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.ts';
import { createTestDatabase } from '../testing.ts';
import { runAssignmentRace } from './race.ts';

// Row locks are what is under test, so this runs where they are real: PostgreSQL with many
// connections. PGlite runs one query at a time, which would prove nothing.
describe.runIf(process.env.DATABASE_URL)('assignment under 20 concurrent workers', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ maxConnections: 21 });
  });
  afterAll(() => handle?.close());

  it('assigns 10,000 conversations with no double assignment and nobody over capacity', async () => {
    const result = await runAssignmentRace(handle.db, {
      workers: 20,
      conversations: 10_000,
      teams: 10,
      agentsPerTeam: 5,
      // 10 × 5 × 190 = 9,500 places for 10,000 chats: capacity runs out under contention.
      chatCapacity: 190,
    });
    expect(result.doubleAssignments).toBe(0);
    expect(result.capacityOverflows).toBe(0);
    expect(result.assigned).toBe(9_500);
    expect(result.attempts).toBe(20_000);
  }, 600_000);
});
