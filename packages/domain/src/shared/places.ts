import { z } from 'zod';

/** An IANA time zone name the runtime knows, e.g. Europe/Lisbon. */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  message: 'Use an IANA time zone name, e.g. Europe/Lisbon',
});

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/** BCP 47 language tag, kept to language[-REGION] (en, pt-PT, es-MX, ar). */
export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as en, pt-PT or es-MX');

export const citySchema = z.object({
  code: z.string().regex(/^[A-Z]{3}$/, 'City code is three capital letters, e.g. LIS'),
  name: z.string().trim().min(1, 'City name is required').max(80),
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter country code'),
  timeZone: timeZoneSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code'),
  languages: z.array(languageSchema).min(1, 'A city needs at least one support language'),
});
export type CityInput = z.infer<typeof citySchema>;
