import { z } from 'zod';
import { comparePriority, type Priority } from '../conversations/priority.ts';
import type { Availability } from '../people/roles.ts';
import { skillSchema } from '../people/schemas.ts';
import type { Channel } from '../shared/enums.ts';
import { CHANNEL_NAMES, primaryLanguage } from './rules.ts';

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** An inbox's assignment policy. Every field but the mode is optional, so `{ mode: 'manual' }` is a whole policy. */
export const assignmentPolicySchema = z.object({
  mode: z.enum(ASSIGNMENT_MODES, {
    error: 'Assignment: choose manual, round robin or least loaded',
  }),
  /** Only agents with this skill take the inbox's conversations. */
  requireSkill: skillSchema.nullable().optional(),
  /**
   * The agent must speak the conversation's language (compared on the primary subtag, so
   * pt-PT serves pt-BR). No constraint while the conversation's language is unknown.
   */
  requireLanguage: z.boolean().optional(),
  /**
   * Honour the request type's required certification. On unless set to false: DOMAIN.md
   * has certifications gate request types, so switching it off is a deliberate exception
   * (say, a city launch with too few certified agents).
   */
  requireCertification: z.boolean().optional(),
  /** Reassign when the assignee has not replied this many minutes after assignment. */
  replyLimitMinutes: z
    .number({ error: 'Reply limit: enter a number of minutes' })
    .int('Reply limit: whole minutes')
    .min(1, 'Reply limit: at least 1 minute')
    .max(1440, 'Reply limit: at most 1,440 minutes (a day)')
    .nullable()
    .optional(),
});
export type AssignmentPolicy = z.infer<typeof assignmentPolicySchema>;

export interface AssignmentCandidate {
  id: string;
  name: string;
  availability: Availability;
  /** Per-channel maximum of open conversations; 0 or missing: does not take that channel. */
  capacity: Partial<Record<Channel, number>>;
  skills: readonly string[];
  /** BCP 47 tags (en, pt-PT). */
  languages: readonly string[];
  /** Certification codes currently held (expired ones left out by the caller). */
  certifications: readonly string[];
  lastAssignedAt: Date | null;
}

/** Open conversations per channel for one agent. */
export type AgentLoad = Partial<Record<Channel, number>>;
export type AgentLoads = ReadonlyMap<string, AgentLoad> | Readonly<Record<string, AgentLoad>>;

export interface AssignmentRequest {
  channel: Channel;
  languageCode?: string | null;
  requestTypeCode?: string | null;
  /** The request type's required certification, if it has one. */
  requiredCertification?: string | null;
  /** Agents not to pick, e.g. the one being reassigned away from. */
  excludeAgentIds?: readonly string[];
}

export type SkipReason =
  | 'excluded'
  | 'not_certified'
  | 'missing_skill'
  | 'missing_language'
  | 'away'
  | 'offline'
  | 'no_channel'
  | 'at_capacity'
  /** Eligible, but the policy preferred someone else this time. */
  | 'passed_over';

export interface SkippedCandidate {
  agentId: string;
  name: string;
  reason: SkipReason;
  /** e.g. "Rui — at capacity for chat (4/4)". */
  detail: string;
}

export type AssignmentFailure =
  | 'manual'
  | 'no_candidates'
  | 'all_offline_or_away'
  | 'all_at_capacity'
  | 'missing_skill'
  | 'missing_language'
  | 'missing_certification';

export type AssignmentChoice =
  | { ok: true; agentId: string; reason: string; skipped: SkippedCandidate[] }
  | { ok: false; reason: AssignmentFailure; explanation: string; skipped: SkippedCandidate[] };

function loadOf(loads: AgentLoads, agentId: string): AgentLoad | undefined {
  return loads instanceof Map ? loads.get(agentId) : (loads as Record<string, AgentLoad>)[agentId];
}

/**
 * Checks in the order a lead reads them: the structural gates first (certification, skill,
 * language: who may take this at all), then the momentary ones (availability, capacity).
 * A candidate is skipped for the first check it fails; when nobody is left, the reason is
 * the check that removed the last of them, the most actionable thing to fix.
 */
const STAGES = [
  'excluded',
  'missing_certification',
  'missing_skill',
  'missing_language',
  'all_offline_or_away',
  'all_at_capacity',
] as const;
type Stage = (typeof STAGES)[number];

const STAGE_OF: Record<Exclude<SkipReason, 'passed_over'>, Stage> = {
  excluded: 'excluded',
  not_certified: 'missing_certification',
  missing_skill: 'missing_skill',
  missing_language: 'missing_language',
  away: 'all_offline_or_away',
  offline: 'all_offline_or_away',
  no_channel: 'all_at_capacity',
  at_capacity: 'all_at_capacity',
};

/**
 * Picks the agent for a conversation under an inbox's policy, or says why nobody can take it.
 * Round robin: the eligible agent assigned longest ago (never assigned first), ties by id.
 * Least loaded: the lowest share of capacity in use on the conversation's channel, ties to
 * the one assigned longest ago, then id. The caller applies the choice under a row lock and
 * passes fresh loads for the next one.
 */
export function chooseAgent(
  conversation: AssignmentRequest,
  candidates: readonly AssignmentCandidate[],
  policy: AssignmentPolicy,
  loads: AgentLoads,
): AssignmentChoice {
  if (policy.mode === 'manual') {
    return {
      ok: false,
      reason: 'manual',
      explanation: 'This inbox assigns by hand: a lead or an agent picks the conversation up',
      skipped: [],
    };
  }
  const { channel } = conversation;
  const channelName = CHANNEL_NAMES[channel];
  const excluded = new Set(conversation.excludeAgentIds ?? []);
  const certification =
    policy.requireCertification !== false ? (conversation.requiredCertification ?? null) : null;
  const skill = policy.requireSkill ?? null;
  const language = policy.requireLanguage ? primaryLanguage(conversation.languageCode) : null;

  const skipped: SkippedCandidate[] = [];
  const eligible: { candidate: AssignmentCandidate; load: number; capacity: number }[] = [];
  for (const candidate of candidates) {
    const skip = (reason: SkipReason, why: string) =>
      skipped.push({
        agentId: candidate.id,
        name: candidate.name,
        reason,
        detail: `${candidate.name} — ${why}`,
      });
    const load = loadOf(loads, candidate.id)?.[channel] ?? 0;
    const capacity = candidate.capacity[channel] ?? 0;
    if (excluded.has(candidate.id)) skip('excluded', 'excluded from this assignment');
    else if (certification !== null && !candidate.certifications.includes(certification)) {
      skip(
        'not_certified',
        conversation.requestTypeCode
          ? `not certified for ${conversation.requestTypeCode} (needs ${certification})`
          : `not certified (needs ${certification})`,
      );
    } else if (skill !== null && !candidate.skills.includes(skill)) {
      skip('missing_skill', `lacks the skill ${skill}`);
    } else if (
      language !== null &&
      !candidate.languages.some((spoken) => primaryLanguage(spoken) === language)
    ) {
      skip('missing_language', `does not speak ${language}`);
    } else if (candidate.availability !== 'online') {
      skip(candidate.availability, candidate.availability);
    } else if (capacity <= 0) skip('no_channel', `does not take ${channelName}`);
    else if (load >= capacity) {
      skip('at_capacity', `at capacity for ${channelName} (${load}/${capacity})`);
    } else eligible.push({ candidate, load, capacity });
  }

  if (eligible.length === 0) {
    const why = whyNobody(candidates.length, skipped, {
      channelName,
      certification,
      skill,
      language,
    });
    return { ok: false, ...why, skipped };
  }

  const byLongestWait = (a: AssignmentCandidate, b: AssignmentCandidate) => {
    const at = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const bt = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (at !== bt) return at < bt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  let best = eligible[0]!;
  for (const next of eligible.slice(1)) {
    // load/capacity compared by cross-multiplying, so no float rounding ties them wrongly.
    const byLoad =
      policy.mode === 'least_loaded' ? next.load * best.capacity - best.load * next.capacity : 0;
    if (byLoad < 0 || (byLoad === 0 && byLongestWait(next.candidate, best.candidate) < 0)) {
      best = next;
    }
  }

  const { candidate } = best;
  for (const other of eligible) {
    if (other === best) continue;
    skipped.push({
      agentId: other.candidate.id,
      name: other.candidate.name,
      reason: 'passed_over',
      detail:
        policy.mode === 'round_robin'
          ? `${other.candidate.name} — eligible, but ${candidate.name} waited longer for a conversation`
          : `${other.candidate.name} — eligible, with ${other.load} of ${other.capacity} ${channelName} conversations open`,
    });
  }
  const of =
    eligible.length === 1 ? 'the only eligible agent' : `of ${eligible.length} eligible agents`;
  const reason =
    policy.mode === 'round_robin'
      ? `Round robin: ${candidate.name} ${
          candidate.lastAssignedAt
            ? `was assigned longest ago (${candidate.lastAssignedAt.toISOString()})`
            : 'has not been assigned yet'
        }, ${of}`
      : `Least loaded: ${candidate.name} has ${best.load} of ${best.capacity} ${channelName} conversations open, ${of}`;
  return { ok: true, agentId: candidate.id, reason, skipped };
}

/** Skips that depend on the conversation itself, not on the inbox's people at this moment. */
const CONVERSATION_SPECIFIC: ReadonlySet<SkipReason> = new Set([
  'excluded',
  'not_certified',
  'missing_language',
]);

/**
 * Whether a failed assignment means nobody in the inbox can take anything more on this channel
 * now: true when every candidate was ruled out for a reason that holds for every conversation
 * (availability, capacity, a policy-wide skill), so queue runs stop offering that channel
 * instead of trying each waiting conversation in turn. A conversation refused for its own
 * reasons (certification, language) does not hold back the ones behind it.
 */
export function blocksChannelQueue(choice: AssignmentChoice): boolean {
  if (choice.ok) return false;
  return !choice.skipped.some((skip) => CONVERSATION_SPECIFIC.has(skip.reason));
}

function whyNobody(
  candidateCount: number,
  skipped: readonly SkippedCandidate[],
  wanted: {
    channelName: string;
    certification: string | null;
    skill: string | null;
    language: string | null;
  },
): { reason: Exclude<AssignmentFailure, 'manual'>; explanation: string } {
  if (candidateCount === 0) {
    return { reason: 'no_candidates', explanation: 'Nobody is on this inbox’s team' };
  }
  const last = STAGES.reduce<Stage>(
    (latest, stage) =>
      skipped.some((s) => s.reason !== 'passed_over' && STAGE_OF[s.reason] === stage)
        ? stage
        : latest,
    'excluded',
  );
  const count = (reason: SkipReason) => skipped.filter((s) => s.reason === reason).length;
  switch (last) {
    case 'excluded':
      return {
        reason: 'no_candidates',
        explanation: 'Every agent on the team is excluded from this assignment',
      };
    case 'missing_certification':
      return {
        reason: 'missing_certification',
        explanation: `Nobody on the team holds the certification ${wanted.certification} this request type requires`,
      };
    case 'missing_skill':
      return {
        reason: 'missing_skill',
        explanation: `Nobody who may take it has the skill ${wanted.skill} this inbox requires`,
      };
    case 'missing_language':
      return {
        reason: 'missing_language',
        explanation: `Nobody who may take it speaks ${wanted.language}`,
      };
    case 'all_offline_or_away':
      return {
        reason: 'all_offline_or_away',
        explanation: `Everyone who could take it is away or offline (${count('away')} away, ${count('offline')} offline)`,
      };
    case 'all_at_capacity':
      return {
        reason: 'all_at_capacity',
        explanation:
          count('at_capacity') > 0
            ? `Everyone online who could take it is at capacity for ${wanted.channelName}`
            : `Nobody online who could take it takes ${wanted.channelName} conversations`,
      };
  }
}

/** When a reply is due from the assignee, or null when the policy sets no limit. */
export function replyDueAt(assignedAt: Date, policy: AssignmentPolicy): Date | null {
  const minutes = policy.replyLimitMinutes ?? null;
  return minutes === null ? null : new Date(assignedAt.getTime() + minutes * 60_000);
}

/** The assignee has not replied within the policy's limit: time to reassign. */
export function isReplyOverdue(
  assignment: { assignedAt: Date; repliedAt: Date | null },
  policy: AssignmentPolicy,
  now: Date,
): boolean {
  const due = replyDueAt(assignment.assignedAt, policy);
  return due !== null && assignment.repliedAt === null && now.getTime() >= due.getTime();
}

export interface QueuedConversation {
  id: string;
  priority: Priority;
  waitingSince: Date;
}

/** Queue order: the most urgent first, then the longest waiting, then id (stable and total). */
export function compareQueue(a: QueuedConversation, b: QueuedConversation): number {
  const byPriority = comparePriority(a.priority, b.priority);
  if (byPriority !== 0) return byPriority;
  const byWait = a.waitingSince.getTime() - b.waitingSince.getTime();
  if (byWait !== 0) return byWait;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The conversation to hand out next, or null for an empty queue. */
export function nextInQueue<T extends QueuedConversation>(waiting: readonly T[]): T | null {
  let next: T | null = null;
  for (const conversation of waiting) {
    if (next === null || compareQueue(conversation, next) < 0) next = conversation;
  }
  return next;
}
