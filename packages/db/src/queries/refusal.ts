export type RefusalCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST';

/**
 * A refusal with a message fit to show staff; `field` names the input at fault
 * (`actions.tags.0`). The API turns every refusal into the matching TRPCError.
 */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
