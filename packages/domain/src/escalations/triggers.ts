import type { Priority } from '../conversations/priority.ts';
import { TEAM_KIND_LABELS } from '../people/teams.ts';
import type { Audience } from '../shared/enums.ts';
import type { Severity } from '../shared/severity.ts';
import type { EscalationMatrixEntry, EscalationTrigger } from './matrix.ts';

/** What a trigger looks at on a conversation. */
export interface EscalationFacts {
  audience: Audience;
  priority: Priority;
  requestTypeCode: string | null;
  tags: readonly string[];
  /** The customer's words (recent inbound messages), for keyword triggers. */
  text: string;
}

export interface EscalationSuggestion {
  teamKind: EscalationMatrixEntry['teamKind'];
  trigger: string;
  severity: Severity;
  why: string;
}

/** Why a trigger matches, or null: every list it fills must match (any one item of each). */
function triggerMatch(trigger: EscalationTrigger, facts: EscalationFacts): string | null {
  if (trigger.audiences.length > 0 && !trigger.audiences.includes(facts.audience)) return null;
  if (trigger.priorities.length > 0 && !trigger.priorities.includes(facts.priority)) return null;
  const reasons: string[] = [];
  if (trigger.requestTypeCodes.length > 0) {
    if (!facts.requestTypeCode || !trigger.requestTypeCodes.includes(facts.requestTypeCode))
      return null;
    reasons.push(`request type ${facts.requestTypeCode}`);
  }
  if (trigger.tags.length > 0) {
    const tag = trigger.tags.find((candidate) => facts.tags.includes(candidate));
    if (!tag) return null;
    reasons.push(`tag ${tag}`);
  }
  if (trigger.keywords.length > 0) {
    const text = facts.text.toLowerCase();
    const keyword = trigger.keywords.find((candidate) => text.includes(candidate.toLowerCase()));
    if (!keyword) return null;
    reasons.push(`the words “${keyword}”`);
  }
  return reasons.join(' and ');
}

/** The matrix triggers a conversation matches: one suggestion per team, its first trigger. */
export function suggestEscalations(
  facts: EscalationFacts,
  matrix: readonly Pick<EscalationMatrixEntry, 'teamKind' | 'triggers'>[],
): EscalationSuggestion[] {
  const suggestions: EscalationSuggestion[] = [];
  for (const entry of matrix) {
    for (const trigger of entry.triggers) {
      const reason = triggerMatch(trigger, facts);
      if (reason === null) continue;
      suggestions.push({
        teamKind: entry.teamKind,
        trigger: trigger.name,
        severity: trigger.severity,
        why: `${TEAM_KIND_LABELS[entry.teamKind]} handles ${reason} (${trigger.name})`,
      });
      break;
    }
  }
  return suggestions;
}
