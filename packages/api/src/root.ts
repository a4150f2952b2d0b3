import { conversationsRouter } from './router/conversations.ts';
import { peopleRouter } from './router/people.ts';
import { routingRouter } from './router/routing.ts';
import { createCallerFactory, createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  conversations: conversationsRouter,
  people: peopleRouter,
  routing: routingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
