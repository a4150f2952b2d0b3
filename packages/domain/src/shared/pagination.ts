import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

/** Server-side pagination: every list endpoint takes these, so none loads an unbounded table. */
export const pageInputSchema = z.object({
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type PageInput = z.infer<typeof pageInputSchema>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const sortDirectionSchema = z.enum(['asc', 'desc']);
