import {
  businessCalendarById,
  createBusinessCalendar,
  deleteBusinessCalendar,
  listBusinessCalendars,
  listCalendarCities,
  listSlaPolicies,
  saveSlaPolicy,
  slaPolicyOfInbox,
  updateBusinessCalendar,
} from '@switchboard/db/queries/sla-settings';
import {
  businessCalendarIdInputSchema,
  businessCalendarInputSchema,
  deleteBusinessCalendarInputSchema,
  saveSlaPolicyInputSchema,
  slaPolicyKeySchema,
  updateBusinessCalendarInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { consoleProcedure, createTRPCRouter, leadProcedure } from '../trpc.ts';

/**
 * Business calendars and per-inbox SLA policies. Leads and admins change them; trainers read
 * them; agents get none of it (their workspace shows due times, not the policies behind them).
 */
export const slaRouter = createTRPCRouter({
  /** Every calendar with its weekly hours, holidays and the inboxes that count in it. */
  calendars: consoleProcedure.query(({ ctx }) => listBusinessCalendars(ctx.db)),

  calendar: consoleProcedure
    .input(businessCalendarIdInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => businessCalendarById(ctx.db, input.id))),

  /** Cities a calendar can belong to, with their time zones. */
  cities: consoleProcedure.query(({ ctx }) => listCalendarCities(ctx.db)),

  createCalendar: leadProcedure
    .input(businessCalendarInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => createBusinessCalendar(ctx.db, input, { actorId: ctx.viewer.id })),
    ),

  updateCalendar: leadProcedure
    .input(updateBusinessCalendarInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateBusinessCalendar(ctx.db, input, { actorId: ctx.viewer.id })),
    ),

  deleteCalendar: leadProcedure
    .input(deleteBusinessCalendarInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => deleteBusinessCalendar(ctx.db, input, { actorId: ctx.viewer.id })),
    ),

  /** Every active inbox with its SLA policy, or the defaults it runs on. */
  policies: consoleProcedure.query(({ ctx }) => listSlaPolicies(ctx.db)),

  policy: consoleProcedure
    .input(slaPolicyKeySchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => slaPolicyOfInbox(ctx.db, input.inboxId))),

  /** Creates or replaces an inbox's policy; inverted-looking targets come back as warnings. */
  savePolicy: leadProcedure
    .input(saveSlaPolicyInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => saveSlaPolicy(ctx.db, input, { actorId: ctx.viewer.id })),
    ),
});
