import type { AppRouter } from '@switchboard/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { HttpResponse, http } from 'msw';
import superjson from 'superjson';

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** `'people.me' | 'conversations.listMine' | …` */
export type ProcedurePath = {
  [Area in keyof Outputs]: `${Area & string}.${keyof Outputs[Area] & string}`;
}[keyof Outputs];

type Split<Path> = Path extends `${infer Area}.${infer Name}` ? [Area, Name] : never;
type Lookup<Table, Path> =
  Split<Path> extends [infer Area, infer Name]
    ? Area extends keyof Table
      ? Name extends keyof Table[Area]
        ? Table[Area][Name]
        : never
      : never
    : never;

export type ProcedureInput<Path extends ProcedurePath> = Lookup<Inputs, Path>;
export type ProcedureOutput<Path extends ProcedurePath> = Lookup<Outputs, Path>;

const HTTP_STATUS_OF_CODE = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
} as const;
const JSON_RPC_CODE_OF_CODE = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  TOO_MANY_REQUESTS: -32029,
  INTERNAL_SERVER_ERROR: -32603,
} as const;

export type MockErrorCode = keyof typeof HTTP_STATUS_OF_CODE;

/** Throw this from a mocked procedure to answer with a tRPC error. */
export class MockTRPCError extends Error {
  constructor(
    readonly code: MockErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

export type ProcedureMocks = {
  [Path in ProcedurePath]?: (
    input: ProcedureInput<Path>,
  ) => ProcedureOutput<Path> | Promise<ProcedureOutput<Path>>;
};

type AnyResolver = (input: unknown) => unknown;

function errorEnvelope(path: string, error: MockTRPCError) {
  return {
    error: superjson.serialize({
      message: error.message,
      code: JSON_RPC_CODE_OF_CODE[error.code],
      data: {
        code: error.code,
        httpStatus: HTTP_STATUS_OF_CODE[error.code],
        path,
        fieldErrors: null,
      },
    }),
  };
}

async function answer(path: string, resolver: AnyResolver | undefined, input: unknown) {
  if (!resolver) {
    const missing = new MockTRPCError('NOT_FOUND', `No mock for ${path}`);
    return { status: 404, body: errorEnvelope(path, missing) };
  }
  try {
    return { status: 200, body: { result: { data: superjson.serialize(await resolver(input)) } } };
  } catch (error) {
    if (!(error instanceof MockTRPCError)) throw error;
    return { status: HTTP_STATUS_OF_CODE[error.code], body: errorEnvelope(path, error) };
  }
}

function decodeInput(raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  return superjson.deserialize(raw as Parameters<typeof superjson.deserialize>[0]);
}

/**
 * An MSW handler answering tRPC queries the way the server does (superjson, batched or not),
 * from plain functions per procedure: `trpcHandler({ 'people.me': () => viewer })`.
 */
export function trpcHandler(mocks: ProcedureMocks) {
  const resolvers = mocks as Record<string, AnyResolver | undefined>;
  return http.get('*/trpc/:paths', async ({ request, params }) => {
    const url = new URL(request.url);
    const paths = String(params.paths).split(',');
    const rawInput = url.searchParams.get('input');
    const parsed: unknown = rawInput ? JSON.parse(rawInput) : undefined;
    if (url.searchParams.get('batch') !== '1') {
      const path = paths[0] ?? '';
      const { status, body } = await answer(path, resolvers[path], decodeInput(parsed));
      return HttpResponse.json(body, { status });
    }
    const inputs = (parsed ?? {}) as Record<string, unknown>;
    const answers = await Promise.all(
      paths.map((path, index) => answer(path, resolvers[path], decodeInput(inputs[index]))),
    );
    const statuses = new Set(answers.map((item) => item.status));
    const [onlyStatus] = statuses;
    return HttpResponse.json(
      answers.map((item) => item.body),
      { status: statuses.size === 1 && onlyStatus !== undefined ? onlyStatus : 207 },
    );
  });
}

/**
 * An MSW handler answering tRPC mutations (batched POSTs, `{"0": {"json": input}}`) from
 * plain functions per procedure, like `trpcHandler` does for queries.
 */
export function trpcMutationHandler(mocks: ProcedureMocks) {
  const resolvers = mocks as Record<string, AnyResolver | undefined>;
  return http.post('*/trpc/:paths', async ({ request, params }) => {
    const url = new URL(request.url);
    const paths = String(params.paths).split(',');
    const parsed: unknown = await request.json().catch(() => undefined);
    if (url.searchParams.get('batch') !== '1') {
      const path = paths[0] ?? '';
      const { status, body } = await answer(path, resolvers[path], decodeInput(parsed));
      return HttpResponse.json(body, { status });
    }
    const inputs = (parsed ?? {}) as Record<string, unknown>;
    const answers = await Promise.all(
      paths.map((path, index) => answer(path, resolvers[path], decodeInput(inputs[index]))),
    );
    const statuses = new Set(answers.map((item) => item.status));
    const [onlyStatus] = statuses;
    return HttpResponse.json(
      answers.map((item) => item.body),
      { status: statuses.size === 1 && onlyStatus !== undefined ? onlyStatus : 207 },
    );
  });
}
