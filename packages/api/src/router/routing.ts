import { previewAssignment } from '@switchboard/db/queries/assignment';
import { listInboxes } from '@switchboard/db/queries/routing';
import { knownRoutingCodes, routingGuideSources } from '@switchboard/db/queries/routing-catalog';
import {
  listMisroutes,
  routingAccuracyReport,
  routingHygiene,
} from '@switchboard/db/queries/routing-reports';
import {
  createRule,
  deleteRule,
  listRules,
  reorderRules,
  setRuleEnabled,
  updateRule,
} from '@switchboard/db/queries/routing-rules';
import {
  createInbox,
  inboxSettings,
  setAvailability,
  updateAgentRouting,
  updateInbox,
} from '@switchboard/db/queries/routing-settings';
import { planPlacement } from '@switchboard/db/queries/triage';
import { cities } from '@switchboard/db/schema';
import {
  buildRoutingGuide,
  createInboxInputSchema,
  createRuleInputSchema,
  deleteRuleInputSchema,
  hasAccess,
  hygieneInputSchema,
  inboxIdInputSchema,
  inboxListInputSchema,
  misrouteListInputSchema,
  primaryLanguage,
  reorderRulesInputSchema,
  routingMessageSchema,
  routingReportInputSchema,
  setAvailabilityInputSchema,
  setRuleEnabledInputSchema,
  updateAgentRoutingInputSchema,
  updateInboxInputSchema,
  updateRuleInputSchema,
  validateRules,
} from '@switchboard/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { agentProcedure, consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

export const routingRouter = createTRPCRouter({
  listInboxes: consoleProcedure
    .input(inboxListInputSchema)
    .query(({ ctx, input }) => listInboxes(ctx.db, input)),

  /** The rules in evaluation order, with what a lead should fix in them. */
  rules: consoleProcedure.query(async ({ ctx }) => {
    const [rules, known] = await Promise.all([listRules(ctx.db), knownRoutingCodes(ctx.db)]);
    return { rules, problems: validateRules(rules, known) };
  }),

  createRule: leadProcedure.input(createRuleInputSchema).mutation(({ ctx, input }) => {
    const { rolloutNote, ...rule } = input;
    return refusalsAsTrpcErrors(() =>
      createRule(ctx.db, rule, { actorId: ctx.viewer.id, rolloutNote }),
    );
  }),

  updateRule: leadProcedure.input(updateRuleInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      updateRule(ctx.db, input.id, input.rule, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  setRuleEnabled: leadProcedure.input(setRuleEnabledInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      setRuleEnabled(ctx.db, input.id, input.enabled, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  deleteRule: leadProcedure
    .input(deleteRuleInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() =>
        deleteRule(ctx.db, input.id, { actorId: ctx.viewer.id, rolloutNote: input.rolloutNote }),
      ),
    ),

  reorderRules: leadProcedure.input(reorderRulesInputSchema).mutation(({ ctx, input }) =>
    refusalsAsTrpcErrors(() =>
      reorderRules(ctx.db, input.ruleIds, {
        actorId: ctx.viewer.id,
        rolloutNote: input.rolloutNote,
      }),
    ),
  ),

  /**
   * The rule simulator: what intake would do with this message now — every rule matched or
   * not and why, the placement, and the agent the inbox's policy would pick. Writes nothing.
   */
  simulate: consoleProcedure.input(routingMessageSchema).query(async ({ ctx, input }) => {
    const [city] = input.cityCode
      ? await ctx.db.select({ id: cities.id }).from(cities).where(eq(cities.code, input.cityCode))
      : [];
    const placement = await refusalsAsTrpcErrors(() =>
      planPlacement(ctx.db, input, city?.id ?? null),
    );
    const assignment = await previewAssignment(ctx.db, placement.inbox.id, {
      channel: input.channel,
      languageCode: primaryLanguage(input.locale),
      requestTypeCode: placement.requestType?.code ?? null,
    });
    return {
      outcome: placement.outcome,
      explanations: placement.explanations,
      inbox: placement.inbox,
      requestType: placement.requestType,
      priority: placement.priority,
      tags: placement.tags.map((tag) => tag.code),
      assignment,
    };
  }),

  /** The live routing guide agents read: message type → tags → inbox → playbook → SLA. */
  guide: agentProcedure.query(async ({ ctx }) => {
    const [rules, sources] = await Promise.all([listRules(ctx.db), routingGuideSources(ctx.db)]);
    return buildRoutingGuide({ rules, ...sources });
  }),

  /** An inbox's settings with its team's members and their routing settings. */
  inbox: consoleProcedure
    .input(inboxIdInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => inboxSettings(ctx.db, input.id))),

  createInbox: leadProcedure
    .input(createInboxInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createInbox(ctx.db, input, ctx.viewer.id)),
    ),

  updateInbox: leadProcedure
    .input(updateInboxInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateInbox(ctx.db, input, ctx.viewer.id)),
    ),

  updateAgentRouting: leadProcedure
    .input(updateAgentRoutingInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateAgentRouting(ctx.db, input, ctx.viewer.id)),
    ),

  /** Online, away or offline: for oneself, or (leads) for someone in the team. */
  setAvailability: agentProcedure.input(setAvailabilityInputSchema).mutation(({ ctx, input }) => {
    const userId = input.userId ?? ctx.viewer.id;
    if (userId !== ctx.viewer.id && !hasAccess(ctx.viewer.role, 'lead')) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Only leads set someone else’s availability',
      });
    }
    return refusalsAsTrpcErrors(() => setAvailability(ctx.db, userId, input.availability));
  }),

  /** Routing accuracy over a period: overall, per rule and per first inbox. */
  accuracy: consoleProcedure
    .input(routingReportInputSchema)
    .query(({ ctx, input }) => routingAccuracyReport(ctx.db, input)),

  /** Routed conversations later transferred, with the reasons, to fix rules from. */
  misroutes: consoleProcedure
    .input(misrouteListInputSchema)
    .query(({ ctx, input }) => listMisroutes(ctx.db, input)),

  hygiene: consoleProcedure
    .input(hygieneInputSchema)
    .query(({ ctx, input }) => routingHygiene(ctx.db, input)),
});
