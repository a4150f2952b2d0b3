export type { Auth, AuthOptions } from './auth.ts';
export { CLIENT_IP_HEADER, createAuth } from './auth.ts';
export { type AppRouter, appRouter, createCaller } from './root.ts';
export { type Context, createContext, describeInputError, type FieldError } from './trpc.ts';
