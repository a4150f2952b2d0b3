import { describe, expect, it } from 'vitest';
import {
  nextQaReviewStatus,
  QA_DISPUTE_WINDOW_DAYS,
  type QaReviewForAction,
  qaReviewRefusal,
} from './review-status.ts';

const submittedAt = new Date('2026-03-02T10:00:00Z');
const review: QaReviewForAction = {
  status: 'submitted',
  agentId: 'ana',
  reviewerId: 'helen',
  calibration: false,
  submittedAt,
};
const agent = { id: 'ana', role: 'agent' as const };
const otherAgent = { id: 'omar', role: 'agent' as const };
const reviewer = { id: 'helen', role: 'trainer' as const };
const lead = { id: 'marta', role: 'lead' as const };
const soon = new Date('2026-03-03T10:00:00Z');

describe('nextQaReviewStatus', () => {
  it('walks draft → submitted → acknowledged | disputed → settled', () => {
    expect(nextQaReviewStatus('draft', 'submit')).toBe('submitted');
    expect(nextQaReviewStatus('submitted', 'acknowledge')).toBe('acknowledged');
    expect(nextQaReviewStatus('submitted', 'dispute')).toBe('disputed');
    expect(nextQaReviewStatus('disputed', 'settle')).toBe('settled');
  });

  it('has no way back and nothing after a final status', () => {
    expect(nextQaReviewStatus('submitted', 'submit')).toBeNull();
    expect(nextQaReviewStatus('acknowledged', 'dispute')).toBeNull();
    expect(nextQaReviewStatus('settled', 'settle')).toBeNull();
    expect(nextQaReviewStatus('disputed', 'acknowledge')).toBeNull();
    expect(nextQaReviewStatus('submitted', 'edit')).toBeNull();
  });
});

describe('qaReviewRefusal', () => {
  it('lets only the reviewer edit and submit their draft', () => {
    const draft = { ...review, status: 'draft' as const, submittedAt: null };
    expect(qaReviewRefusal(draft, 'submit', reviewer)).toBeNull();
    expect(qaReviewRefusal(draft, 'edit', lead)?.code).toBe('FORBIDDEN');
    expect(qaReviewRefusal(review, 'edit', reviewer)?.code).toBe('CONFLICT');
  });

  it('lets only the reviewed agent acknowledge or dispute', () => {
    expect(qaReviewRefusal(review, 'acknowledge', agent, soon)).toBeNull();
    expect(qaReviewRefusal(review, 'dispute', agent, soon)).toBeNull();
    expect(qaReviewRefusal(review, 'acknowledge', otherAgent, soon)?.code).toBe('FORBIDDEN');
    expect(qaReviewRefusal(review, 'dispute', lead, soon)?.code).toBe('FORBIDDEN');
  });

  it('never lets an agent answer a calibration review', () => {
    expect(qaReviewRefusal({ ...review, calibration: true }, 'acknowledge', agent)?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('closes disputes after the window', () => {
    const late = new Date(submittedAt.getTime() + (QA_DISPUTE_WINDOW_DAYS + 1) * 86_400_000);
    expect(qaReviewRefusal(review, 'dispute', agent, late)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/14 days/),
    });
    expect(qaReviewRefusal(review, 'acknowledge', agent, late)).toBeNull();
  });

  it('has a lead other than the reviewer settle a dispute', () => {
    const disputed = { ...review, status: 'disputed' as const };
    expect(qaReviewRefusal(disputed, 'settle', lead)).toBeNull();
    expect(qaReviewRefusal(disputed, 'settle', { id: 'jordan', role: 'admin' })).toBeNull();
    expect(qaReviewRefusal(disputed, 'settle', reviewer)?.code).toBe('FORBIDDEN');
    expect(qaReviewRefusal({ ...disputed, reviewerId: 'marta' }, 'settle', lead)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You wrote this review: another lead settles the dispute',
    });
    expect(qaReviewRefusal(review, 'settle', lead)?.code).toBe('CONFLICT');
  });
});
