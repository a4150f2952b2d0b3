import { passesQa, type QaCriterionInput, type QaScorecardInput } from '@switchboard/domain';

/*
 * The demo's two QA scorecards, as a Lisbon ride-hailing and airport-transfer operator's
 * quality team would write them, and the coaching lines its reviewers reach for.
 */

const GUEST_CRITERIA_V1: QaCriterionInput[] = [
  {
    id: 'greets_by_name',
    group: 'tone',
    label: 'Warm, professional greeting using the guest’s name',
    guidance: '0: no greeting or a cold one · 1: generic greeting · 2: warm, by name',
    weight: 1,
    scale: { min: 0, max: 2 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'tone_fits',
    group: 'tone',
    label: 'Tone fits the situation (calm with stressed travellers)',
    guidance: '1: curt or robotic · 3: polite but flat · 5: calm, reassuring, human',
    weight: 2,
    scale: { min: 1, max: 5 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'clear_next_steps',
    group: 'clarity',
    label: 'Clear next steps and times (pickup point, ETA, refund timing)',
    guidance: '0: guest left guessing · 1: partly clear · 2: exactly what happens next, and when',
    weight: 2,
    scale: { min: 0, max: 2 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'acknowledges_situation',
    group: 'empathy',
    label: 'Acknowledges the guest’s situation before solving it',
    guidance: 'N/A when the guest only asked for information.',
    weight: 2,
    scale: { min: 0, max: 2 },
    allowNa: true,
    autoFail: false,
  },
  {
    id: 'within_guardrails',
    group: 'policy_adherence',
    label: 'Refunds and gestures within guardrails, reason code recorded',
    guidance: 'N/A when no money or gesture was involved.',
    weight: 3,
    scale: { min: 0, max: 2 },
    allowNa: true,
    autoFail: false,
  },
  {
    id: 'protects_personal_data',
    group: 'policy_adherence',
    label: 'Protects personal data (no driver phone numbers, no card details)',
    guidance: '0 fails the review: share the masked number from the booking, never a personal one.',
    weight: 2,
    scale: { min: 0, max: 1 },
    allowNa: false,
    autoFail: true,
  },
  {
    id: 'classified_correctly',
    group: 'correct_tagging',
    label: 'Request type, reason and tags set correctly',
    guidance: '0: wrong request type · 1: right type, tags missing · 2: all correct',
    weight: 1,
    scale: { min: 0, max: 2 },
    allowNa: false,
    autoFail: false,
  },
  {
    id: 'resolved_in_contact',
    group: 'resolution',
    label: 'Resolved, or correctly escalated, in this contact',
    guidance:
      '1: guest has to write again · 3: resolved with avoidable back-and-forth · 5: resolved first time',
    weight: 3,
    scale: { min: 1, max: 5 },
    allowNa: false,
    autoFail: false,
  },
];

/** Version 2: personal data and classification weigh more after a privacy incident. */
const GUEST_CRITERIA_V2: QaCriterionInput[] = GUEST_CRITERIA_V1.map((criterion) =>
  criterion.id === 'protects_personal_data'
    ? { ...criterion, weight: 3 }
    : criterion.id === 'classified_correctly'
      ? { ...criterion, weight: 2 }
      : criterion,
);

export const GUEST_SCORECARD: QaScorecardInput = {
  code: 'GUEST_SUPPORT_QA',
  name: 'Guest support QA',
  description:
    'Riders and airport-transfer guests, every channel. Three conversations per agent a week, plus every low rating.',
  audience: 'guest',
  randomSamplePerAgent: 3,
  passMark: 80,
  criteria: GUEST_CRITERIA_V1,
};

export const GUEST_SCORECARD_V2: QaScorecardInput = {
  ...GUEST_SCORECARD,
  criteria: GUEST_CRITERIA_V2,
  rolloutNote:
    'QA now weighs protecting personal data and classifying the conversation more. Never share a driver’s personal number: use the masked number on the booking.',
};

export const DRIVER_SCORECARD: QaScorecardInput = {
  code: 'DRIVER_SUPPORT_QA',
  name: 'Driver support QA',
  description: 'Drivers and partner companies: earnings, payouts, documents, safety.',
  audience: 'driver',
  randomSamplePerAgent: 2,
  passMark: 75,
  criteria: [
    {
      id: 'partner_tone',
      group: 'tone',
      label: 'Respectful, partner-first tone',
      guidance: '1: dismissive · 3: polite · 5: treats the driver as a partner',
      weight: 2,
      scale: { min: 1, max: 5 },
      allowNa: false,
      autoFail: false,
    },
    {
      id: 'explains_money_precisely',
      group: 'clarity',
      label: 'Explains earnings, fees or payout dates precisely',
      guidance: 'N/A when money was not part of it.',
      weight: 3,
      scale: { min: 0, max: 2 },
      allowNa: true,
      autoFail: false,
    },
    {
      id: 'recognises_impact',
      group: 'empathy',
      label: 'Recognises the impact on the driver’s income or time',
      guidance: '',
      weight: 1,
      scale: { min: 0, max: 2 },
      allowNa: true,
      autoFail: false,
    },
    {
      id: 'never_decides_adjustments',
      group: 'policy_adherence',
      label: 'Sends earnings adjustments to Finance & Payouts, never decides them',
      guidance: '0 fails the review: support never promises or reverses an adjustment.',
      weight: 3,
      scale: { min: 0, max: 1 },
      allowNa: true,
      autoFail: true,
    },
    {
      id: 'safety_sop_followed',
      group: 'policy_adherence',
      label: 'Safety reports handled by the safety SOP',
      guidance: '0 fails the review. N/A when nothing safety-related came up.',
      weight: 3,
      scale: { min: 0, max: 1 },
      allowNa: true,
      autoFail: true,
    },
    {
      id: 'classified_correctly',
      group: 'correct_tagging',
      label: 'Request type, reason and tags set correctly',
      guidance: '0: wrong request type · 1: right type, tags missing · 2: all correct',
      weight: 1,
      scale: { min: 0, max: 2 },
      allowNa: false,
      autoFail: false,
    },
    {
      id: 'resolved_or_handed_off',
      group: 'resolution',
      label: 'Resolved, or handed off with a complete handoff packet',
      guidance: '1: driver has to chase · 3: resolved slowly · 5: resolved or handed off cleanly',
      weight: 3,
      scale: { min: 1, max: 5 },
      allowNa: false,
      autoFail: false,
    },
  ],
};

/** What a reviewer writes beside a criterion scored low. */
export const LOW_SCORE_COMMENTS: Record<string, string> = {
  greets_by_name: 'Open with the guest’s name — it is on the booking.',
  tone_fits: 'The guest was stressed at arrivals; slow down and reassure before the logistics.',
  clear_next_steps: 'Say where the driver waits and by when, e.g. “Door 3, in 8 minutes”.',
  acknowledges_situation: 'A line acknowledging the missed flight would have landed better.',
  within_guardrails: 'The gesture needed a reason code; pick it before sending.',
  protects_personal_data:
    'You shared the driver’s personal phone number. Always give the masked number on the booking.',
  classified_correctly: 'This was a no-show, not a late pickup: the request type drives reports.',
  resolved_in_contact:
    'The guest had to write again for the refund status; include it in the first answer.',
  partner_tone: 'Keep it partner-to-partner; avoid “you should have”.',
  explains_money_precisely: 'Give the payout date and the amount, not “soon”.',
  recognises_impact: 'Acknowledge the lost hours before explaining the fee.',
  never_decides_adjustments:
    'Support never reverses a fine: escalate to Finance & Payouts with the trip reference.',
  safety_sop_followed: 'A safety report goes through the safety SOP steps, first step first.',
  resolved_or_handed_off: 'The handoff lacked the trip reference; Finance had to ask again.',
};

/** The reviewer's overall coaching line, by how the review went. */
export function coachingComment(score: number, passMark: number, agentFirstName: string): string {
  if (score === 0) {
    return `${agentFirstName}, this one fails on a data-protection rule even though the rest was good. Let’s go through the privacy SOP together this week.`;
  }
  if (score >= 95) return `Excellent, ${agentFirstName} — a model answer I’ll share with the team.`;
  if (passesQa(score, passMark)) {
    return `Solid work, ${agentFirstName}. One thing to sharpen is marked beside the criteria.`;
  }
  return `${agentFirstName}, below the bar this time: see the comments beside the criteria and let’s pick them up in our 1:1.`;
}
