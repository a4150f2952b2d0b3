import type { Database } from '@switchboard/db/client';
import { findStaffMember, type StaffMember } from '@switchboard/db/queries/people';
import { type AccessLevel, hasAccess, ROLE_LABELS } from '@switchboard/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Auth } from './auth.ts';

export type Context = {
  db: Database;
  auth: Auth;
  headers: Headers;
  /** The signed-in, active staff member, or null. */
  viewer: StaffMember | null;
};

export interface CreateContextOptions {
  db: Database;
  auth: Auth;
  headers: Headers;
}

export async function createContext({ db, auth, headers }: CreateContextOptions): Promise<Context> {
  const session = await auth.api.getSession({ headers });
  const member = session ? await findStaffMember(db, session.user.id) : null;
  return { db, auth, headers, viewer: member?.active ? member : null };
}

export interface FieldError {
  path: string;
  message: string;
}

/** Turns a zod failure into one readable sentence naming each field, plus a list for forms. */
export function describeInputError(error: ZodError): {
  message: string;
  fieldErrors: FieldError[];
} {
  const fieldErrors = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const message = fieldErrors.map((field) => `${field.path}: ${field.message}`).join('; ');
  return { message: `Invalid input — ${message}`, fieldErrors };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const inputError = error.cause instanceof ZodError ? describeInputError(error.cause) : null;
    // A refused action (e.g. a tag not in the taxonomy) names the field it refused.
    const field = (error.cause as { field?: unknown } | undefined)?.field;
    const refusedField =
      typeof field === 'string' ? [{ path: field, message: error.message }] : null;
    // Internal failures are logged on the server; the client gets a safe sentence, no stack.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. It has been logged; please try again.'
        : (inputError?.message ?? shape.message);
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message,
      data: { ...data, fieldErrors: inputError?.fieldErrors ?? refusedField },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure;

/** Any signed-in, active staff member. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.viewer) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  }
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

function requireAccess(level: AccessLevel) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!hasAccess(ctx.viewer.role, level)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `${ROLE_LABELS[ctx.viewer.role]}s are not allowed to do this`,
      });
    }
    return next();
  });
}

/** Handles conversations in the workspace (agents, and leads/trainers/admins stepping in). */
export const agentProcedure = requireAccess('workspace');
/** Console screens that leads, trainers and admins share. */
export const consoleProcedure = requireAccess('console');
export const leadProcedure = requireAccess('lead');
export const trainerProcedure = requireAccess('trainer');
export const adminProcedure = requireAccess('admin');
