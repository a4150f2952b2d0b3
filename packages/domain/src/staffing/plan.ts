import { z } from 'zod';
import { CHANNELS, type Channel, channelSchema } from '../shared/enums.ts';
import { currencySchema } from '../shared/money.ts';
import type { Weekday } from '../sla/calendar.ts';
import { erlangC, requiredAgents } from './erlang-c.ts';
import type { ChannelArrivals, ForecastHour } from './forecast.ts';
import {
  HOURS_PER_WEEK,
  hourOfWeekParts,
  type StaffingShift,
  scheduledAgentsByHour,
  shiftMinutes,
} from './shifts.ts';

export const channelHandlingSchema = z.object({
  ahtSeconds: z
    .number({ error: 'Handle time must be a number of seconds' })
    .int('Handle time is whole seconds')
    .min(1, 'Handle time is at least 1 second')
    .max(86_400, 'Handle time is at most a day (86,400 seconds)'),
  concurrency: z
    .number({ error: 'Concurrency must be a number' })
    .int('Concurrency must be a whole number')
    .min(1, 'Concurrency is at least 1')
    .max(20, 'Concurrency is at most 20 conversations at once'),
});
export type ChannelHandling = z.infer<typeof channelHandlingSchema>;

/** How an inbox is to be staffed: the target, shrinkage, handling per channel and cost. */
export const staffingPlanSettingsShape = {
  /** Share answered within the answer target, 0–1 (0.8 for "80 % in 20 s"). */
  serviceLevelTarget: z
    .number({ error: 'The service-level target must be a number' })
    .gt(0, 'The service-level target must be above 0%')
    .lt(
      1,
      'The service-level target must be below 100%: no staffing answers every contact in time',
    ),
  answerTargetSeconds: z
    .number({ error: 'The answer target must be a number of seconds' })
    .int('The answer target is whole seconds')
    .min(0, 'The answer target cannot be negative')
    .max(86_400, 'The answer target is at most a day (86,400 seconds)'),
  /** Share of paid time not available for contacts (breaks, training, meetings), 0–1. */
  shrinkage: z
    .number({ error: 'Shrinkage must be a number' })
    .min(0, 'Shrinkage cannot be negative')
    .max(0.9, 'Shrinkage is at most 90%: someone has to be available'),
  channelHandling: z.partialRecord(channelSchema, channelHandlingSchema, {
    error: 'Handling per channel: chat, whatsapp, email or voice',
  }),
  hourlyRateMinor: z
    .number({ error: 'The hourly rate must be a number' })
    .int('The hourly rate is whole minor units (cents)')
    .min(0, 'The hourly rate cannot be negative')
    .max(100_000_000, 'The hourly rate is at most 1,000,000.00'),
  currency: currencySchema,
};
export const staffingPlanSettingsSchema = z.object(staffingPlanSettingsShape);
export type StaffingPlanSettings = z.infer<typeof staffingPlanSettingsSchema>;

/**
 * Handling for a channel the plan does not set: typical handle times of support for ride
 * hailing and transfers. Chat and WhatsApp agents work several conversations at once.
 */
export const DEFAULT_CHANNEL_HANDLING: Record<Channel, ChannelHandling> = {
  chat: { ahtSeconds: 480, concurrency: 2 },
  whatsapp: { ahtSeconds: 600, concurrency: 3 },
  email: { ahtSeconds: 420, concurrency: 1 },
  voice: { ahtSeconds: 300, concurrency: 1 },
};

/** An inbox's plan until a lead saves one: 80 % in 60 s, 30 % shrinkage, no rate yet. */
export function defaultStaffingPlanSettings(
  channels: readonly Channel[],
  currency: string,
): StaffingPlanSettings {
  return {
    serviceLevelTarget: 0.8,
    answerTargetSeconds: 60,
    shrinkage: 0.3,
    channelHandling: Object.fromEntries(
      channels.map((channel) => [channel, { ...DEFAULT_CHANNEL_HANDLING[channel] }]),
    ),
    hourlyRateMinor: 0,
    currency,
  };
}

export interface StaffingInterval {
  hourOfWeek: number;
  weekday: Weekday;
  hour: number;
  arrivals: ChannelArrivals;
  totalArrivals: number;
  /** Work arriving in the hour, in Erlangs: Σ arrivals × (AHT ÷ concurrency) ÷ 3600. */
  workloadErlangs: number;
  /** Agents to schedule (shrinkage included). */
  required: number;
  /** Agents handling contacts that meet the target (before shrinkage). */
  requiredBeforeShrinkage: number;
  /** Scheduled agents; fractional where a shift covers part of the hour. */
  scheduled: number;
  /** Scheduled − required: negative is a shortfall, positive is spare. */
  gap: number;
  /** The service level the scheduled agents reach after shrinkage; null with no arrivals. */
  scheduledServiceLevel: number | null;
}

export interface StaffingTotals {
  forecastArrivals: number;
  requiredAgentHours: number;
  scheduledAgentHours: number;
  /** Σ max(0, required − scheduled): agent-hours missing. */
  shortfallAgentHours: number;
  /** Hours of the week with fewer agents scheduled than required. */
  understaffedHours: number;
  requiredCostMinor: number;
  scheduledCostMinor: number;
  currency: string;
}

export interface StaffingPlanResult {
  intervals: StaffingInterval[];
  totals: StaffingTotals;
}

export interface PlanStaffingInput {
  /** 168 hours from forecastArrivals. */
  forecast: readonly ForecastHour[];
  settings: StaffingPlanSettings;
  shifts: readonly Pick<StaffingShift, 'weekday' | 'startsAt' | 'endsAt' | 'agents'>[];
}

function handlingOf(settings: StaffingPlanSettings, channel: Channel): ChannelHandling {
  return settings.channelHandling[channel] ?? DEFAULT_CHANNEL_HANDLING[channel];
}

/**
 * The week's staffing: per hour, the forecast per channel, the agents required to meet the
 * target, the agents the shifts schedule and the gap; in total, agent-hours and what the
 * scheduled and the required plan cost at the hourly rate.
 *
 * Every channel of the inbox draws on one pool of agents (agents are multi-channel): the
 * hour's arrivals are summed and their handle time is the arrivals-weighted average of
 * AHT ÷ concurrency. A channel the plan does not set uses DEFAULT_CHANNEL_HANDLING.
 */
export function planStaffing({
  forecast,
  settings,
  shifts,
}: PlanStaffingInput): StaffingPlanResult {
  const parsed = staffingPlanSettingsSchema.parse(settings);
  const scheduledByHour = scheduledAgentsByHour(shifts);
  const byHour = new Map(forecast.map((hour) => [hour.hourOfWeek, hour]));
  const intervals: StaffingInterval[] = [];
  for (let hourOfWeek = 0; hourOfWeek < HOURS_PER_WEEK; hourOfWeek += 1) {
    const arrivals = byHour.get(hourOfWeek)?.arrivals ?? {};
    let totalArrivals = 0;
    let workSeconds = 0;
    for (const channel of CHANNELS) {
      const count = arrivals[channel] ?? 0;
      if (count <= 0) continue;
      const handling = handlingOf(parsed, channel);
      totalArrivals += count;
      workSeconds += (count * handling.ahtSeconds) / handling.concurrency;
    }
    const ahtSeconds = totalArrivals > 0 ? workSeconds / totalArrivals : 1;
    const need = requiredAgents({
      arrivalsPerHour: totalArrivals,
      ahtSeconds,
      targetServiceLevel: parsed.serviceLevelTarget,
      targetAnswerSeconds: parsed.answerTargetSeconds,
      shrinkage: parsed.shrinkage,
    });
    const scheduled = scheduledByHour[hourOfWeek] ?? 0;
    // People on the queue after shrinkage; part of a person cannot take a contact.
    const available = Math.floor(scheduled * (1 - parsed.shrinkage) + 1e-9);
    intervals.push({
      hourOfWeek,
      ...hourOfWeekParts(hourOfWeek),
      arrivals,
      totalArrivals,
      workloadErlangs: workSeconds / 3600,
      required: need.agents,
      requiredBeforeShrinkage: need.agentsBeforeShrinkage,
      scheduled,
      gap: scheduled - need.agents,
      scheduledServiceLevel:
        totalArrivals > 0
          ? erlangC({
              arrivalsPerHour: totalArrivals,
              ahtSeconds,
              agents: available,
              targetAnswerSeconds: parsed.answerTargetSeconds,
            }).serviceLevel
          : null,
    });
  }
  const requiredAgentHours = intervals.reduce((sum, interval) => sum + interval.required, 0);
  // Whole agent-minutes, so fractional hours cost exactly what the shifts last.
  const scheduledAgentMinutes = shifts.reduce(
    (sum, shift) => sum + shift.agents * shiftMinutes(shift),
    0,
  );
  return {
    intervals,
    totals: {
      forecastArrivals: intervals.reduce((sum, interval) => sum + interval.totalArrivals, 0),
      requiredAgentHours,
      scheduledAgentHours: scheduledAgentMinutes / 60,
      shortfallAgentHours: intervals.reduce((sum, interval) => sum + Math.max(0, -interval.gap), 0),
      understaffedHours: intervals.filter((interval) => interval.gap < -1e-9).length,
      requiredCostMinor: requiredAgentHours * parsed.hourlyRateMinor,
      scheduledCostMinor: Math.round((scheduledAgentMinutes * parsed.hourlyRateMinor) / 60),
      currency: parsed.currency,
    },
  };
}
