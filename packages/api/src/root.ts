import { certificationsRouter } from './router/certifications.ts';
import { changesRouter } from './router/changes.ts';
import { chatPathsRouter } from './router/chat-paths.ts';
import { conversationsRouter } from './router/conversations.ts';
import { escalationsRouter } from './router/escalations.ts';
import { guardrailsRouter } from './router/guardrails.ts';
import { hiringRouter } from './router/hiring.ts';
import { improvementsRouter } from './router/improvements.ts';
import { incidentsRouter } from './router/incidents.ts';
import { integrationsRouter } from './router/integrations.ts';
import { kpiRouter } from './router/kpi.ts';
import { liveRouter } from './router/live.ts';
import { notificationsRouter } from './router/notifications.ts';
import { peopleRouter } from './router/people.ts';
import { playbooksRouter } from './router/playbooks.ts';
import { qaRouter } from './router/qa.ts';
import { routingRouter } from './router/routing.ts';
import { slaRouter } from './router/sla.ts';
import { staffingRouter } from './router/staffing.ts';
import { taxonomyRouter } from './router/taxonomy.ts';
import { trainingRouter } from './router/training.ts';
import { createCallerFactory, createTRPCRouter } from './trpc.ts';

export const appRouter = createTRPCRouter({
  certifications: certificationsRouter,
  changes: changesRouter,
  chatPaths: chatPathsRouter,
  conversations: conversationsRouter,
  escalations: escalationsRouter,
  guardrails: guardrailsRouter,
  hiring: hiringRouter,
  improvements: improvementsRouter,
  incidents: incidentsRouter,
  integrations: integrationsRouter,
  kpi: kpiRouter,
  live: liveRouter,
  notifications: notificationsRouter,
  people: peopleRouter,
  playbooks: playbooksRouter,
  qa: qaRouter,
  routing: routingRouter,
  sla: slaRouter,
  staffing: staffingRouter,
  taxonomy: taxonomyRouter,
  training: trainingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
