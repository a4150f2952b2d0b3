import { z } from 'zod';
import type { Severity } from '../shared/severity.ts';

/*
 * Incident severity from four questions a lead can answer in a minute: how wide (scope), how
 * bad (impact), whether money is stuck, whether anyone is unsafe. The rules propose; the
 * person declaring confirms or overrides, and the override is recorded.
 */

export const INCIDENT_SCOPES = [
  'one_customer',
  'some_customers',
  'city',
  'several_cities',
  'platform',
] as const;
export const INCIDENT_IMPACTS = ['degraded', 'blocked'] as const;
export const INCIDENT_MONEY = ['none', 'some', 'payouts_failing'] as const;

export const incidentFactsSchema = z.object({
  scope: z.enum(INCIDENT_SCOPES, {
    error: 'Scope: one customer, some, a city, several cities or the platform',
  }),
  impact: z.enum(INCIDENT_IMPACTS, { error: 'Impact: degraded or blocked' }),
  money: z.enum(INCIDENT_MONEY, { error: 'Money: none, some, or payouts failing' }),
  safety: z.boolean({ error: 'Say whether anyone’s safety is at risk' }),
});
export type IncidentFacts = z.infer<typeof incidentFactsSchema>;

export const INCIDENT_SCOPE_LABELS: Record<IncidentFacts['scope'], string> = {
  one_customer: 'One customer',
  some_customers: 'Some customers',
  city: 'A whole city',
  several_cities: 'Several cities',
  platform: 'Everyone (platform-wide)',
};
export const INCIDENT_IMPACT_LABELS: Record<IncidentFacts['impact'], string> = {
  degraded: 'Degraded: slower or partly working',
  blocked: 'Blocked: trips, bookings or payouts cannot happen',
};
export const INCIDENT_MONEY_LABELS: Record<IncidentFacts['money'], string> = {
  none: 'No money stuck',
  some: 'Some charges or payouts wrong',
  payouts_failing: 'Payouts failing for everyone',
};

const WIDE = new Set<IncidentFacts['scope']>(['several_cities', 'platform']);

export interface IncidentClassification {
  severity: Severity;
  reasons: string[];
}

/** The severity the rules propose, with the reasons that decided it (worst first). */
export function classifyIncident(facts: IncidentFacts): IncidentClassification {
  if (facts.safety) return { severity: 'sev1', reasons: ['Someone’s safety is at risk'] };
  if (facts.money === 'payouts_failing') {
    return { severity: 'sev1', reasons: ['Payouts are failing for everyone'] };
  }
  if (facts.scope === 'platform' && facts.impact === 'blocked') {
    return { severity: 'sev1', reasons: ['The whole platform is blocked'] };
  }
  if (facts.scope === 'platform') {
    return { severity: 'sev2', reasons: ['The whole platform is degraded'] };
  }
  if (facts.impact === 'blocked' && (WIDE.has(facts.scope) || facts.scope === 'city')) {
    return {
      severity: 'sev2',
      reasons: [`${INCIDENT_SCOPE_LABELS[facts.scope]} cannot ride, book or be paid`],
    };
  }
  if (facts.money === 'some') {
    return { severity: 'sev3', reasons: ['Customers are charged or paid wrongly'] };
  }
  if (WIDE.has(facts.scope) || facts.scope === 'city') {
    return { severity: 'sev3', reasons: [`${INCIDENT_SCOPE_LABELS[facts.scope]} is affected`] };
  }
  if (facts.scope === 'some_customers' && facts.impact === 'blocked') {
    return { severity: 'sev3', reasons: ['Some customers are blocked'] };
  }
  return { severity: 'sev4', reasons: ['Minor, few customers affected'] };
}
