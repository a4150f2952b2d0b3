import { z } from 'zod';

/*
 * Erlang C: how many agents a queue needs so that a share of contacts is answered within a
 * target time. Traffic A = λ × AHT in Erlangs. The textbook formula divides Aᴺ/N! terms,
 * which overflow a double from about N = 170; the Erlang B recursion below stays within
 * (0, 1] at every step, so 5,000 or 50,000 arrivals an hour are as exact as 50:
 *
 *   B(0) = 1,  B(k) = A·B(k−1) / (k + A·B(k−1)),  P(wait) = C = N·B / (N − A·(1 − B)).
 *
 * When N ≤ A the queue never drains (agents cannot keep up): every contact waits and waits
 * for ever, so P(wait) = 1, SL = 0, ASA = Infinity and agents are busy all the time
 * (occupancy 1). With no traffic (A = 0) nobody waits: P(wait) = 0, SL = 1, ASA = 0.
 */

/** A nonsensical input (negative, shrinkage of 100 %…), naming the field at fault. */
export class StaffingInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'StaffingInputError';
  }
}

/** Parses with the schema or throws a StaffingInputError naming the first field at fault. */
export function parseStaffingInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new StaffingInputError(issue.path.map(String).join('.') || '(input)', issue.message);
}

const MAX_ARRIVALS_PER_HOUR = 1_000_000;
const MAX_SECONDS = 86_400;
const MAX_AGENTS = 1_000_000;

const arrivalsPerHourSchema = z
  .number({ error: 'Arrivals per hour must be a number' })
  .min(0, 'Arrivals per hour cannot be negative')
  .max(MAX_ARRIVALS_PER_HOUR, 'At most 1,000,000 arrivals an hour');
const ahtSecondsSchema = z
  .number({ error: 'Average handle time must be a number of seconds' })
  .gt(0, 'Average handle time must be more than 0 seconds')
  .max(MAX_SECONDS, 'Average handle time is at most a day (86,400 seconds)');
const answerSecondsSchema = z
  .number({ error: 'The answer target must be a number of seconds' })
  .min(0, 'The answer target cannot be negative')
  .max(MAX_SECONDS, 'The answer target is at most a day (86,400 seconds)');

export const erlangCInputSchema = z.object({
  arrivalsPerHour: arrivalsPerHourSchema,
  ahtSeconds: ahtSecondsSchema,
  agents: z
    .number({ error: 'Agents must be a number' })
    .int('Agents must be a whole number')
    .min(0, 'Agents cannot be negative')
    .max(MAX_AGENTS, 'At most 1,000,000 agents'),
  targetAnswerSeconds: answerSecondsSchema,
});
export type ErlangCInput = z.infer<typeof erlangCInputSchema>;

export interface ErlangCResult {
  /** A = λ × AHT, in Erlangs. */
  trafficErlangs: number;
  /** Share of contacts that wait at all, 0–1. */
  probabilityOfWaiting: number;
  /** Share answered within the target, 0–1. */
  serviceLevel: number;
  /** Average speed of answer over all contacts, seconds; Infinity when N ≤ A. */
  asaSeconds: number;
  /** Share of agents' time spent handling, 0–1. */
  occupancy: number;
}

export const requiredAgentsInputSchema = z.object({
  arrivalsPerHour: arrivalsPerHourSchema,
  ahtSeconds: ahtSecondsSchema,
  targetServiceLevel: z
    .number({ error: 'The service-level target must be a number' })
    .min(0, 'The service-level target cannot be negative')
    .lt(
      1,
      'The service-level target must be below 100%: no number of agents answers every contact in time',
    ),
  targetAnswerSeconds: answerSecondsSchema,
  shrinkage: z
    .number({ error: 'Shrinkage must be a number' })
    .min(0, 'Shrinkage cannot be negative')
    .lt(1, 'Shrinkage must be below 100%: someone has to be available'),
  /** Conversations one agent handles at once (chat); 1 for calls. */
  concurrency: z
    .number({ error: 'Concurrency must be a number' })
    .int('Concurrency must be a whole number')
    .min(1, 'Concurrency is at least 1')
    .max(50, 'Concurrency is at most 50')
    .default(1),
});
export type RequiredAgentsInput = z.input<typeof requiredAgentsInputSchema>;

export interface RequiredAgentsResult {
  /** Agents to schedule: agentsBeforeShrinkage ÷ (1 − shrinkage), rounded up. */
  agents: number;
  /** Agents handling contacts: the smallest N > A that meets the target. */
  agentsBeforeShrinkage: number;
  /** What agentsBeforeShrinkage achieve. */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
}

const NO_TRAFFIC: Readonly<ErlangCResult> = {
  trafficErlangs: 0,
  probabilityOfWaiting: 0,
  serviceLevel: 1,
  asaSeconds: 0,
  occupancy: 0,
};

/** Erlang B for `agents` agents from B(agents − 1): one step of the recursion. */
function erlangBStep(traffic: number, previous: number, agents: number): number {
  const carried = traffic * previous;
  return carried / (agents + carried);
}

/** The queue's measures for N agents given Erlang B's B(N). Requires N > A > 0. */
function measures(
  traffic: number,
  agents: number,
  blocking: number,
  ahtSeconds: number,
  targetAnswerSeconds: number,
): ErlangCResult {
  const spare = agents - traffic;
  const probabilityOfWaiting = Math.min(
    1,
    (agents * blocking) / (agents - traffic * (1 - blocking)),
  );
  return {
    trafficErlangs: traffic,
    probabilityOfWaiting,
    serviceLevel: Math.max(
      0,
      1 - probabilityOfWaiting * Math.exp((-spare * targetAnswerSeconds) / ahtSeconds),
    ),
    asaSeconds: (probabilityOfWaiting * ahtSeconds) / spare,
    occupancy: traffic / agents,
  };
}

function unstable(traffic: number): ErlangCResult {
  return {
    trafficErlangs: traffic,
    probabilityOfWaiting: 1,
    serviceLevel: 0,
    asaSeconds: Number.POSITIVE_INFINITY,
    occupancy: 1,
  };
}

function erlangCUnchecked(input: ErlangCInput): ErlangCResult {
  const traffic = (input.arrivalsPerHour / 3600) * input.ahtSeconds;
  if (traffic === 0) return { ...NO_TRAFFIC };
  if (input.agents <= traffic) return unstable(traffic);
  let blocking = 1;
  for (let k = 1; k <= input.agents; k += 1) {
    blocking = erlangBStep(traffic, blocking, k);
    // Underflowed: nobody is blocked, so nobody waits either (and more agents change nothing).
    if (blocking === 0) break;
  }
  return measures(traffic, input.agents, blocking, input.ahtSeconds, input.targetAnswerSeconds);
}

/**
 * Erlang C for `agents` agents: probability of waiting, service level within
 * `targetAnswerSeconds`, average speed of answer and occupancy. Throws a StaffingInputError
 * on nonsense (negative arrivals, zero handle time, fractional agents).
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  return erlangCUnchecked(parseStaffingInput(erlangCInputSchema, input));
}

/** Rounds up, forgiving float noise: 7 ÷ 0.7 is 10.000000000000002, and needs 10 people. */
function ceilForgiving(value: number): number {
  return Math.ceil(value - 1e-9);
}

/**
 * The fewest agents that answer `targetServiceLevel` of contacts within
 * `targetAnswerSeconds`: the smallest N > A meeting the target, then N ÷ (1 − shrinkage)
 * rounded up, since shrinkage (breaks, training, meetings) takes paid people off the queue.
 * Chat with concurrency c counts AHT ÷ c, a first approximation of an agent working c
 * conversations at once. No arrivals need no agents.
 */
export function requiredAgents(input: RequiredAgentsInput): RequiredAgentsResult {
  const parsed = parseStaffingInput(requiredAgentsInputSchema, input);
  if (parsed.arrivalsPerHour === 0) {
    return { agents: 0, agentsBeforeShrinkage: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
  }
  const ahtSeconds = parsed.ahtSeconds / parsed.concurrency;
  const traffic = (parsed.arrivalsPerHour / 3600) * ahtSeconds;
  // B(N) for every N up to the answer, once: the search costs as much as one evaluation.
  let agents = 0;
  let blocking = 1;
  const firstStable = Math.floor(traffic) + 1;
  let result: ErlangCResult | null = null;
  while (result === null || result.serviceLevel < parsed.targetServiceLevel) {
    agents += 1;
    if (blocking !== 0) blocking = erlangBStep(traffic, blocking, agents);
    if (agents < firstStable) continue;
    result = measures(traffic, agents, blocking, ahtSeconds, parsed.targetAnswerSeconds);
  }
  return {
    agents: ceilForgiving(agents / (1 - parsed.shrinkage)),
    agentsBeforeShrinkage: agents,
    serviceLevel: result.serviceLevel,
    asaSeconds: result.asaSeconds,
    occupancy: result.occupancy,
  };
}
