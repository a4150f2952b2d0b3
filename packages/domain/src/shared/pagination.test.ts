import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, pageInputSchema, sortDirectionSchema } from './pagination.ts';

function paths(input: unknown): string[] {
  const result = pageInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('pageInputSchema', () => {
  it('defaults to the first 50 rows', () => {
    expect(pageInputSchema.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(pageInputSchema.parse({ limit: 10 })).toEqual({ limit: 10, offset: 0 });
    expect(pageInputSchema.parse({ offset: 100 })).toEqual({ limit: 50, offset: 100 });
  });

  it('caps the page size at 200', () => {
    expect(MAX_PAGE_SIZE).toBe(200);
    expect(pageInputSchema.parse({ limit: 200 }).limit).toBe(200);
    expect(paths({ limit: 201 })).toEqual(['limit']);
  });

  it('rejects empty, negative or fractional pages under the field', () => {
    expect(paths({ limit: 0 })).toEqual(['limit']);
    expect(paths({ limit: 2.5 })).toEqual(['limit']);
    expect(paths({ limit: '50' })).toEqual(['limit']);
    expect(paths({ offset: -1 })).toEqual(['offset']);
    expect(paths({ offset: 1.5 })).toEqual(['offset']);
  });

  it('bounds the offset at one million', () => {
    expect(pageInputSchema.parse({ offset: 1_000_000 }).offset).toBe(1_000_000);
    expect(paths({ offset: 1_000_001 })).toEqual(['offset']);
  });

  it('property: accepts exactly the in-range integers and never loosens the bounds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -10, max: 300 }),
          fc.double({ min: -10, max: 300, noNaN: true }),
        ),
        fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.double({ noNaN: true })),
        (limit, offset) => {
          const limitOk = Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE;
          const offsetOk = Number.isInteger(offset) && offset >= 0 && offset <= 1_000_000;
          const result = pageInputSchema.safeParse({ limit, offset });
          expect(result.success).toBe(limitOk && offsetOk);
          if (result.success) expect(result.data).toEqual({ limit, offset });
        },
      ),
    );
  });
});

describe('sortDirectionSchema', () => {
  it('is asc or desc', () => {
    expect(sortDirectionSchema.options).toEqual(['asc', 'desc']);
    expect(sortDirectionSchema.safeParse('up').success).toBe(false);
  });
});
