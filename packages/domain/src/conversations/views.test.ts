import { describe, expect, it } from 'vitest';
import { INBOX_SORTS, INBOX_VIEWS, inboxFiltersSchema, inboxViewInputSchema } from './views.ts';

const INBOX_ID = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';

function failedPaths(input: unknown): string[] {
  const result = inboxViewInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('inboxViewInputSchema', () => {
  it('lists the workspace views and sorts', () => {
    expect(INBOX_VIEWS).toEqual([
      'mine',
      'unassigned',
      'inbox',
      'pending',
      'snoozed',
      'sla',
      'mentions',
      'resolved',
    ]);
    expect(INBOX_SORTS).toEqual(['sla', 'newest', 'oldest', 'priority']);
  });

  it('defaults to the SLA sort and the first page of 50', () => {
    expect(inboxViewInputSchema.parse({ view: 'mine' })).toEqual({
      view: 'mine',
      sort: 'sla',
      limit: 50,
      offset: 0,
    });
  });

  it('the inbox view needs an inboxId, and names it', () => {
    expect(failedPaths({ view: 'inbox' })).toEqual(['inboxId']);
    expect(inboxViewInputSchema.safeParse({ view: 'inbox' }).error?.issues[0]?.message).toBe(
      'Choose an inbox for the inbox view',
    );
    expect(failedPaths({ view: 'inbox', inboxId: INBOX_ID })).toEqual([]);
    expect(failedPaths({ view: 'inbox', inboxId: 'LIS' })).toEqual(['inboxId']);
  });

  it.each(INBOX_VIEWS.filter((view) => view !== 'inbox'))('%s needs no inbox', (view) => {
    expect(failedPaths({ view })).toEqual([]);
  });

  it('names each filter that is wrong', () => {
    expect(failedPaths({ view: 'archive' })).toEqual(['view']);
    expect(failedPaths({ view: 'mine', sort: 'random' })).toEqual(['sort']);
    expect(failedPaths({ view: 'mine', channel: 'sms' })).toEqual(['channel']);
    expect(failedPaths({ view: 'mine', audience: 'partner' })).toEqual(['audience']);
    expect(failedPaths({ view: 'mine', cityCode: 'lis' })).toEqual(['cityCode']);
    expect(failedPaths({ view: 'mine', priority: 'urgent' })).toEqual(['priority']);
    expect(failedPaths({ view: 'mine', search: 'x'.repeat(101) })).toEqual(['search']);
    expect(failedPaths({ view: 'mine', limit: 201 })).toEqual(['limit']);
    expect(failedPaths({ view: 'mine', limit: 0 })).toEqual(['limit']);
    expect(failedPaths({ view: 'mine', offset: -1 })).toEqual(['offset']);
  });

  it('keeps the filters it is given, trimming the search', () => {
    const parsed = inboxViewInputSchema.parse({
      view: 'unassigned',
      channel: 'whatsapp',
      audience: 'driver',
      cityCode: 'DXB',
      priority: 'P2',
      requestTypeCode: 'PAYOUT_MISSING',
      tag: 'payout',
      assigneeId: 'none',
      search: '  #10423 ',
      sort: 'oldest',
    });
    expect(parsed).toMatchObject({ search: '#10423', assigneeId: 'none', sort: 'oldest' });
  });

  it('the filters alone are all optional', () => {
    expect(inboxFiltersSchema.parse({})).toEqual({});
  });
});
