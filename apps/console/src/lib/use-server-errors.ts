import type { FormErrors } from '@mantine/form';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useEffect } from 'react';

function shows(shownFields: readonly string[], path: string): boolean {
  return shownFields.some((field) => path === field || path.startsWith(`${field}.`));
}

/**
 * Puts a refusal's per-field messages on the form's fields and returns the message to show
 * above the buttons when the refusal names no field the form shows (null otherwise).
 */
export function useServerErrors(
  error: unknown,
  shownFields: readonly string[],
  setErrors: (errors: FormErrors) => void,
): string | null {
  const fieldErrors = serverFieldErrors(error);
  useEffect(() => {
    const shown = Object.entries(fieldErrors)
      .filter(([path]) => shows(shownFields, path))
      // A refused code or team arrives as "code: An inbox with the code … exists already";
      // on its own field the field's name is noise.
      .map(([path, message]) => [path, message.replace(`${path}: `, '')]);
    if (shown.length > 0) setErrors(Object.fromEntries(shown));
  }, [error]);
  if (!error) return null;
  return Object.keys(fieldErrors).some((path) => shows(shownFields, path))
    ? null
    : describeError(error);
}
