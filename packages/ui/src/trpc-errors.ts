import { TRPCClientError } from '@trpc/client';

export type TRPCErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

interface TRPCErrorData {
  code?: string;
  httpStatus?: number;
}

function errorData(error: unknown): TRPCErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return data && typeof data === 'object' ? (data as TRPCErrorData) : null;
}

/** The tRPC error code (`NOT_FOUND`, `FORBIDDEN`…) of a failed call, or null for other failures. */
export function trpcErrorCode(error: unknown): TRPCErrorCode | null {
  return errorData(error)?.code ?? null;
}

/** Whether the server refused the request itself (4xx), as opposed to a network or server failure. */
export function isClientError(error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** A sentence for people: the server's safe message, or a generic one for network failures. */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError && errorData(error)) return error.message;
  return 'Could not reach Switchboard. Check your connection and try again.';
}
