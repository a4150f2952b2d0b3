import { Refusal } from '@switchboard/db/queries/refusal';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/**
 * Turns a refusal from the queries into a TRPCError. Bad input carries a zod error naming
 * the field, so forms get the same `fieldErrors` as for a schema failure.
 */
export async function refusalsAsTrpcErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const message = error.field ? `${error.field}: ${error.message}` : error.message;
    if (error.code === 'BAD_REQUEST' && error.field) {
      const refused = new TRPCError({ code: 'BAD_REQUEST', message });
      // Set after construction: TRPCError wraps causes that are not Errors, and zod 4's
      // ZodError is not one, while the error formatter looks for the ZodError itself.
      Object.assign(refused, {
        cause: new ZodError([
          {
            code: 'custom',
            path: error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
            message: error.message,
            input: undefined,
          },
        ]),
      });
      throw refused;
    }
    throw new TRPCError({ code: error.code, message, cause: error });
  }
}
