import {
  addStaffingShift,
  listStaffingInboxes,
  removeStaffingShift,
  saveStaffingPlan,
  updateStaffingShift,
} from '@switchboard/db/queries/staffing';
import { staffingWeek } from '@switchboard/db/queries/staffing-week';
import {
  addStaffingShiftInputSchema,
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
  overview: leadProcedure
    .input(staffingOverviewInputSchema)
    .query(({ ctx, input }) => refusalsAsTrpcErrors(() => staffingWeek(ctx.db, input))),

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
