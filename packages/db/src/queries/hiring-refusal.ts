import { Refusal } from './refusal.ts';

/** A hiring action refused: the message is fit to show the trainer, `field` names the input. */
export class HiringError extends Refusal {}
