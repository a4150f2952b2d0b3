import {
  addStaffingShift,
  listStaffingInboxes,
  listStaffingShifts,
  removeStaffingShift,
  saveStaffingPlan,
  staffingHistory,
  staffingInbox,
  staffingPlanOf,
  updateStaffingShift,
} from '@switchboard/db/queries/staffing';
import {
  addStaffingShiftInputSchema,
  CHANNELS,
  forecastArrivals,
  planStaffing,
  removeStaffingShiftInputSchema,
  saveStaffingPlanInputSchema,
  staffingOverviewInputSchema,
  updateStaffingShiftInputSchema,
} from '@switchboard/domain';
import { refusalsAsTrpcErrors } from '../refusals.ts';
import { createTRPCRouter, leadProcedure } from '../trpc.ts';

/** Staffing is a team lead's job (admins too): agents and trainers are refused. */
export const staffingRouter = createTRPCRouter({
  /** The inboxes a plan can be made for. */
  inboxes: leadProcedure.query(({ ctx }) => listStaffingInboxes(ctx.db)),

  /**
   * The inbox's week: forecast from its history, the agents required to meet its plan, the
   * agents its shifts schedule, the gap per hour, and what both cost.
   */
  overview: leadProcedure.input(staffingOverviewInputSchema).query(({ ctx, input }) =>
    refusalsAsTrpcErrors(async () => {
      const inbox = await staffingInbox(ctx.db, input.inboxId);
      const [history, plan, shifts] = await Promise.all([
        staffingHistory(ctx.db, { inboxId: inbox.id, weeks: input.weeks }),
        staffingPlanOf(ctx.db, inbox),
        listStaffingShifts(ctx.db, inbox.id),
      ]);
      const forecast = forecastArrivals({
        weeks: input.weeks,
        history,
        weighting: input.weighting,
      });
      const { intervals, totals } = planStaffing({ forecast, settings: plan.settings, shifts });
      const historyByChannel = Object.fromEntries(
        CHANNELS.map((channel) => [
          channel,
          history
            .filter((row) => row.channel === channel)
            .reduce((sum, row) => sum + row.conversations, 0),
        ]),
      );
      return {
        inbox,
        plan,
        shifts,
        history: {
          weeks: input.weeks,
          weighting: input.weighting,
          conversations: Object.values(historyByChannel).reduce((sum, count) => sum + count, 0),
          byChannel: historyByChannel,
        },
        intervals,
        totals,
      };
    }),
  ),

  savePlan: leadProcedure
    .input(saveStaffingPlanInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => saveStaffingPlan(ctx.db, input, ctx.viewer.id)),
    ),

  addShift: leadProcedure
    .input(addStaffingShiftInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => addStaffingShift(ctx.db, input, ctx.viewer.id)),
    ),

  updateShift: leadProcedure
    .input(updateStaffingShiftInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => updateStaffingShift(ctx.db, input, ctx.viewer.id)),
    ),

  removeShift: leadProcedure
    .input(removeStaffingShiftInputSchema)
    .mutation(({ ctx, input }) =>
      refusalsAsTrpcErrors(() => removeStaffingShift(ctx.db, input.id, ctx.viewer.id)),
    ),
});
