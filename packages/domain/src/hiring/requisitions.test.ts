import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hireRefusal,
  type RequisitionInput,
  requisitionInputSchema,
  requisitionIssues,
  requisitionLabel,
  statusAfterHire,
} from './requisitions.ts';

const valid: RequisitionInput = {
  title: 'Guest support agent (PT/EN)',
  teamId: '2f7f8c1e-6d3a-4c3e-9a51-0b6f1d2a3c4e',
  cityCode: 'LIS',
  languages: ['pt-PT', 'en'],
  headcount: 4,
  targetStartDate: '2026-05-04',
};

function messages(input: unknown): Record<string, string> {
  const result = requisitionInputSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
  );
}

describe('requisition input', () => {
  it('accepts a requisition, opening it with no owner and no description', () => {
    expect(
      requisitionInputSchema.parse({ ...valid, title: '  Guest support agent (PT/EN) ' }),
    ).toEqual({ ...valid, status: 'open', ownerId: null, description: '' });
    expect(requisitionLabel(101)).toBe('REQ-101');
  });

  it('names the field at fault', () => {
    expect(messages({ ...valid, headcount: 0 })).toEqual({ headcount: 'Headcount: at least 1' });
    expect(messages({ ...valid, headcount: 2.5 })).toEqual({
      headcount: 'Headcount: a whole number',
    });
    expect(messages({ ...valid, title: ' ' })).toEqual({ title: 'Title: name the role' });
    expect(messages({ ...valid, languages: [] })).toEqual({ languages: 'Languages: at least one' });
    expect(messages({ ...valid, teamId: 'x' })).toEqual({
      teamId: 'Team: choose the team the hires join',
    });
    expect(messages({ ...valid, targetStartDate: '04/05/2026' })).toEqual({
      targetStartDate: 'Target start date: a date as YYYY-MM-DD',
    });
    expect(messages({ ...valid, targetStartDate: '2026-02-30' })).toEqual({
      targetStartDate: 'Target start date: not a real date',
    });
    expect(messages({ ...valid, status: 'paused' })).toHaveProperty('status');
    expect(messages({ ...valid, cityCode: 'Lisbon' })).toEqual({ cityCode: 'City: choose a city' });
  });
});

describe('requisition status against its hires', () => {
  it('keeps headcount at or above the hires', () => {
    expect(requisitionIssues({ status: 'open', headcount: 2 }, 3)).toEqual([
      { field: 'headcount', message: 'Headcount: 3 already hired, so at least 3' },
    ]);
  });

  it('calls a requisition filled only when every place is hired', () => {
    expect(requisitionIssues({ status: 'filled', headcount: 4 }, 3)).toEqual([
      { field: 'status', message: 'Status: filled once every place is hired (3 of 4 so far)' },
    ]);
    expect(requisitionIssues({ status: 'filled', headcount: 3 }, 3)).toEqual([]);
    expect(requisitionIssues({ status: 'open', headcount: 3 }, 3)).toEqual([
      {
        field: 'status',
        message: 'Status: all 3 places are hired; raise the headcount to reopen',
      },
    ]);
    expect(requisitionIssues({ status: 'cancelled', headcount: 3 }, 3)).toEqual([]);
    expect(requisitionIssues({ status: 'on_hold', headcount: 4 }, 3)).toEqual([]);
  });

  it('takes hires only while open and not full; the last hire fills it', () => {
    expect(hireRefusal({ status: 'open', headcount: 2 }, 1)).toBeNull();
    expect(hireRefusal({ status: 'open', headcount: 2 }, 2)).toBe(
      'All 2 places of the requisition are hired',
    );
    expect(hireRefusal({ status: 'on_hold', headcount: 2 }, 0)).toBe(
      'The requisition is on hold: only open requisitions take hires',
    );
    expect(hireRefusal({ status: 'cancelled', headcount: 2 }, 0)).toMatch(/cancelled/);
    expect(statusAfterHire(2, 1)).toBe('open');
    expect(statusAfterHire(2, 2)).toBe('filled');
  });

  it('property: hiring one by one from open fills exactly at the headcount, and never beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (headcount) => {
        let status: 'open' | 'filled' = 'open';
        let hired = 0;
        while (hireRefusal({ status, headcount }, hired) === null) {
          hired += 1;
          status = statusAfterHire(headcount, hired) as 'open' | 'filled';
          expect(requisitionIssues({ status, headcount }, hired)).toEqual([]);
        }
        expect(hired).toBe(headcount);
        expect(status).toBe('filled');
      }),
    );
  });
});
