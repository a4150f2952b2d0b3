import type { FormErrors } from '@mantine/form';

/** Languages a Lisbon operator's support hires usually speak; any other code can be typed. */
export const LANGUAGE_SUGGESTIONS = ['pt-PT', 'en', 'es', 'es-MX', 'fr', 'ar', 'de', 'it', 'pt-BR'];

/** The error of a list field or of its first bad item ("languages.1"), for one input to show. */
export function firstErrorUnder(errors: FormErrors, field: string): string | undefined {
  const own = errors[field];
  if (own) return String(own);
  const item = Object.entries(errors).find(([path]) => path.startsWith(`${field}.`));
  return item ? String(item[1]) : undefined;
}
