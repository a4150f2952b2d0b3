export { type MockViewer, mockViewer } from './fixtures.ts';
export { type RenderRouteOptions, renderRoutes, renderWithProviders } from './render.tsx';
export {
  type MockErrorCode,
  MockTRPCError,
  type ProcedureInput,
  type ProcedureMocks,
  type ProcedureOutput,
  type ProcedurePath,
  trpcHandler,
  trpcMutationHandler,
} from './trpc-handlers.ts';
