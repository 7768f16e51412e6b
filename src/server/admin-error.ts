/** A failure of an admin command to tell the operator in one sentence, without a stack trace. */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
