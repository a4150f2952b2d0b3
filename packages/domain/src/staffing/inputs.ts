import { z } from 'zod';
import { forecastWeightingSchema } from './forecast.ts';
import { staffingPlanSettingsShape } from './plan.ts';
import { SHIFT_LENGTH_CHECK, shiftHasLength, staffingShiftShape } from './shifts.ts';

const inboxIdSchema = z.uuid('Not an inbox id');
const shiftIdSchema = z.uuid('Not a shift id');

export const STAFFING_HISTORY_WEEKS = { min: 1, max: 26, default: 8 } as const;

/** The week's plan for an inbox, forecast from the last `weeks` weeks. */
export const staffingOverviewInputSchema = z.object({
  inboxId: inboxIdSchema,
  weeks: z
    .number({ error: 'Weeks must be a number' })
    .int('Weeks must be a whole number')
    .min(STAFFING_HISTORY_WEEKS.min, 'At least 1 week of history')
    .max(STAFFING_HISTORY_WEEKS.max, 'At most 26 weeks of history')
    .default(STAFFING_HISTORY_WEEKS.default),
  weighting: forecastWeightingSchema.default('equal'),
});
export type StaffingOverviewInput = z.infer<typeof staffingOverviewInputSchema>;

export const saveStaffingPlanInputSchema = z.object({
  inboxId: inboxIdSchema,
  ...staffingPlanSettingsShape,
});
export type SaveStaffingPlanInput = z.infer<typeof saveStaffingPlanInputSchema>;

export const addStaffingShiftInputSchema = z
  .object({ inboxId: inboxIdSchema, ...staffingShiftShape })
  .refine(shiftHasLength, SHIFT_LENGTH_CHECK);
export type AddStaffingShiftInput = z.infer<typeof addStaffingShiftInputSchema>;

export const updateStaffingShiftInputSchema = z
  .object({ id: shiftIdSchema, ...staffingShiftShape })
  .refine(shiftHasLength, SHIFT_LENGTH_CHECK);
export type UpdateStaffingShiftInput = z.infer<typeof updateStaffingShiftInputSchema>;

export const removeStaffingShiftInputSchema = z.object({ id: shiftIdSchema });
