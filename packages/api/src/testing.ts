import type { DatabaseHandle } from '@switchboard/db/client';
import { accounts, users } from '@switchboard/db/schema';
import {
  createIsolatedTestDatabase,
  createTestDatabase,
  uniqueSuffix,
} from '@switchboard/db/testing';
import type { Role } from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { hashPassword } from 'better-auth/crypto';
import { ZodError } from 'zod';
import { type Auth, CLIENT_IP_HEADER, createAuth } from './auth.ts';
import { createCaller } from './root.ts';
import { createContext, describeInputError } from './trpc.ts';

export const TEST_BASE_URL = 'http://127.0.0.1:3999';
export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestApi {
  handle: DatabaseHandle;
  auth: Auth;
  /** Creates an active staff member with TEST_PASSWORD and returns their id and email. */
  createStaff(
    role: Role,
    overrides?: Partial<typeof users.$inferInsert>,
  ): Promise<{ id: string; email: string }>;
  /** Signs in through the real HTTP handler and returns the session cookie header. */
  signIn(email: string, password?: string, clientIp?: string): Promise<Response>;
  /** A tRPC caller acting as the holder of `cookie` (or anonymous). */
  callerFor(cookie?: string): Promise<ReturnType<typeof createCaller>>;
  /** Signs in as a new staff member of `role` and returns their caller. */
  callerAs(role: Role): Promise<{ caller: ReturnType<typeof createCaller>; userId: string }>;
  close(): Promise<void>;
}

let passwordHash: Promise<string> | null = null;

/**
 * `isolated` gives the file a PostgreSQL database of its own, for tests of org-wide state
 * (such as the order of every routing rule) that other files change at the same time.
 */
export async function createTestApi(options: { isolated?: boolean } = {}): Promise<TestApi> {
  const handle = await (options.isolated ? createIsolatedTestDatabase() : createTestDatabase());
  const auth = createAuth({
    db: handle.db,
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    baseURL: TEST_BASE_URL,
    trustedOrigins: [TEST_BASE_URL],
    signInAttemptsPerMinute: 5,
  });
  passwordHash ??= hashPassword(TEST_PASSWORD);

  const api: TestApi = {
    handle,
    auth,
    async createStaff(role, overrides = {}) {
      const suffix = uniqueSuffix().toLowerCase();
      const id = `test-${role}-${suffix}`;
      const email = `${role}.${suffix}@switchboard.test`;
      await handle.db.insert(users).values({
        id,
        name: `Test ${role} ${suffix}`,
        email,
        emailVerified: true,
        role,
        languages: ['en'],
        capacity: role === 'agent' ? 6 : 0,
        ...overrides,
      });
      await handle.db.insert(accounts).values({
        id: `acc-${id}`,
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: await (passwordHash ?? hashPassword(TEST_PASSWORD)),
      });
      return { id, email };
    },
    signIn(email, password = TEST_PASSWORD, clientIp = randomClientIp()) {
      return auth.handler(
        new Request(`${TEST_BASE_URL}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: TEST_BASE_URL,
            [CLIENT_IP_HEADER]: clientIp,
          },
          body: JSON.stringify({ email, password }),
        }),
      );
    },
    async callerFor(cookie) {
      const headers = new Headers();
      if (cookie) headers.set('cookie', cookie);
      return createCaller(await createContext({ db: handle.db, auth, headers }));
    },
    async callerAs(role) {
      const staff = await api.createStaff(role);
      const response = await api.signIn(staff.email);
      if (!response.ok)
        throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      return { caller: await api.callerFor(sessionCookie(response)), userId: staff.id };
    },
    close: () => handle.close(),
  };
  return api;
}

/**
 * A client address for one test's sign-ins. Limits are counted in the database, which on
 * PostgreSQL outlives a run, so a fixed address would carry one run's attempts into the next.
 */
export function randomClientIp(): string {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * Asserts a call was refused as BAD_REQUEST and that the human message the API sends
 * (built by the error formatter from the zod failure) names `field`.
 */
export async function expectBadInput(call: Promise<unknown>, field: string): Promise<string> {
  const error = await call.then(
    () => {
      throw new Error(`expected BAD_REQUEST naming ${field}, but the call succeeded`);
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') {
    throw new Error(`expected BAD_REQUEST naming ${field}, got ${String(error)}`);
  }
  if (!(error.cause instanceof ZodError)) throw new Error('BAD_REQUEST without a zod cause');
  const { message, fieldErrors } = describeInputError(error.cause);
  if (!fieldErrors.some((fieldError) => fieldError.path === field)) {
    throw new Error(`expected the error to name ${field}; it said: ${message}`);
  }
  return message;
}
