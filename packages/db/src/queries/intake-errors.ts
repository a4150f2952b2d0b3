/** Intake cannot place a message anywhere: a configuration problem, not the sender's. */
export class IntakeError extends Error {
  override name = 'IntakeError';

  constructor(
    readonly code: 'no_inbox',
    message: string,
  ) {
    super(message);
  }
}
