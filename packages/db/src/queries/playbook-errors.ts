export type PlaybookErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST';

/** A refusal with a message fit to show staff; `field` names the input at fault (`actions.tags.0`). */
export class PlaybookError extends Error {
  constructor(
    readonly code: PlaybookErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PlaybookError';
  }
}
