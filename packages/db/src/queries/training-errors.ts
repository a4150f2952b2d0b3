import { Refusal } from './refusal.ts';

/** A training action refused with a reason fit to show the trainer or trainee. */
export class TrainingRefusal extends Refusal {}
