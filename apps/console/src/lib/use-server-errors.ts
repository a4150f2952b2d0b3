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

/**
 * For editors whose form is shaped differently from the saved value: a refusal's per-field
 * messages go on the form field `place` maps each server path to (null: not on this form),
 * without the path the message starts with. Returns the message to show above the buttons
 * when no field took the refusal (null otherwise).
 */
export function usePlacedServerErrors(
  error: unknown,
  place: (serverPath: string) => string | null,
  setErrors: (errors: FormErrors) => void,
): string | null {
  const placed = Object.entries(serverFieldErrors(error))
    .map(([path, message]) => [place(path), message] as const)
    .filter((entry): entry is readonly [string, string] => entry[0] !== null)
    .map(([path, message]) => [path, message.replace(/^[\w.]+: /, '')] as const);
  useEffect(() => {
    if (placed.length > 0) setErrors(Object.fromEntries(placed));
  }, [error]);
  return error && placed.length === 0 ? describeError(error) : null;
}
