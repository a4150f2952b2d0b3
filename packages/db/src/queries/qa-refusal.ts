import { Refusal } from './refusal.ts';

/** A refusal from the QA queries: scorecards, reviews, samples, calibration. */
export class QaError extends Refusal {}
