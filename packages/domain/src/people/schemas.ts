import { z } from 'zod';
import { pageInputSchema } from '../shared/pagination.ts';
import { languageSchema } from '../shared/places.ts';
import { availabilitySchema, roleSchema } from './roles.ts';

export const emailSchema = z.email('Enter a valid email address').max(254);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Password is required').max(128),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const skillSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Skills are lower_snake_case, e.g. airport_transfers');

/** A person's profile. Their guardrail tier is not set here: it follows their certifications. */
export const userProfileSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(120),
  email: emailSchema,
  role: roleSchema,
  languages: z.array(languageSchema).min(1, 'At least one language'),
  skills: z.array(skillSchema).max(50),
  capacity: z.number().int().min(0).max(50),
  availability: availabilitySchema,
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const USER_SORTS = ['name', 'role', 'createdAt'] as const;

export const userListInputSchema = pageInputSchema.extend({
  search: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  sort: z.enum(USER_SORTS).default('name'),
});
export type UserListInput = z.infer<typeof userListInputSchema>;
