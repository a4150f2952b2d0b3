import { TRPCClientError } from '@trpc/client';

/**
 * The per-field messages of a refused call (`{ 'actions.tags.0': '…' }`), from the error
 * formatter's `fieldErrors`, for `form.setErrors`.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const data: unknown = error.data;
  const fieldErrors =
    data && typeof data === 'object' && 'fieldErrors' in data
      ? (data as { fieldErrors: unknown }).fieldErrors
      : null;
  if (!Array.isArray(fieldErrors)) return {};
  const errors: Record<string, string> = {};
  for (const entry of fieldErrors as { path?: unknown; message?: unknown }[]) {
    if (typeof entry.path === 'string' && typeof entry.message === 'string') {
      errors[entry.path] ??= entry.message;
    }
  }
  return errors;
}
