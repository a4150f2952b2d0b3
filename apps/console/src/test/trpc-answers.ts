import { HttpResponse } from 'msw';

const STATUS = {
  BAD_REQUEST: { http: 400, jsonRpc: -32600 },
  NOT_FOUND: { http: 404, jsonRpc: -32004 },
  CONFLICT: { http: 409, jsonRpc: -32009 },
} as const;

/**
 * A batched tRPC answer refusing a call the way the server does when a query names the
 * field at fault: `refusal('routing.createInbox', 'CONFLICT', 'code', 'code: …')`.
 * (`MockTRPCError` sends no field errors, and knows no CONFLICT.)
 */
export function refusal(
  path: string,
  code: keyof typeof STATUS,
  field: string,
  fieldMessage: string,
) {
  const { http, jsonRpc } = STATUS[code];
  return HttpResponse.json(
    [
      {
        error: {
          json: {
            message: fieldMessage.startsWith(`${field}: `)
              ? fieldMessage
              : `Invalid input — ${field}: ${fieldMessage}`,
            code: jsonRpc,
            data: {
              code,
              httpStatus: http,
              path,
              fieldErrors: [{ path: field, message: fieldMessage }],
            },
          },
        },
      },
    ],
    { status: http },
  );
}

/** The input of a batched tRPC mutation request. */
export async function mutationInput(request: Request): Promise<unknown> {
  const body = (await request.json()) as Record<string, { json: unknown }>;
  return body['0']?.json;
}

/** A batched tRPC answer with a plain result (no dates or maps for superjson to tag). */
export function accepted(data: unknown) {
  return HttpResponse.json([{ result: { data: { json: data } } }]);
}
