import type { Database } from '@switchboard/db/client';
import { accounts, rateLimits, sessions, users, verifications } from '@switchboard/db/schema';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';

/** Request header the server fills with the connecting address; sign-in limits key on it. */
export const CLIENT_IP_HEADER = 'x-switchboard-client-ip';

export interface AuthOptions {
  db: Database;
  /** At least 32 characters; signs session cookies. */
  secret: string;
  /** Public origin of the server, e.g. http://localhost:3000. */
  baseURL: string;
  trustedOrigins?: string[];
  /** Sign-in attempts allowed per client address per minute. */
  signInAttemptsPerMinute?: number;
}

/**
 * Email + password sign-in through better-auth: scrypt (memory-hard) password hashes,
 * sessions in an httpOnly SameSite cookie, and sign-up closed — staff accounts are created
 * by admins (and the demo seed), never by whoever finds the page.
 */
export function createAuth(options: AuthOptions) {
  const secure = options.baseURL.startsWith('https://');
  return betterAuth({
    appName: 'Switchboard',
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins ?? [],
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, required: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 600,
      customRules: {
        '/sign-in/email': { window: 60, max: options.signInAttemptsPerMinute ?? 10 },
      },
    },
    advanced: {
      cookiePrefix: 'switchboard',
      useSecureCookies: secure,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
