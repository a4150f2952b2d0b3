import { Refusal, type RefusalCode } from './refusal.ts';

export type PlaybookErrorCode = RefusalCode;

/** A refusal from the macros and SOPs queries. */
export class PlaybookError extends Refusal {}
