/**
 * Reclaims the space deleted rows leave (a VACUUM) after a teacher deletes a student, a session
 * or their account, without making the teacher wait for it: the deletion has committed and is
 * answered at once, and the VACUUM follows in the background. Requests made while one runs
 * coalesce into one more run after it, so ten deletions in a row cost two VACUUMs, not ten.
 */
export class SpaceReclaimer {
  private running: Promise<void> | null = null;
  private isRequestedAgain = false;

  constructor(
    private readonly vacuum: () => Promise<void>,
    /** Told of a VACUUM that failed: the deletion itself stands, the next sweep vacuums again. */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Asks for a VACUUM soon; returns at once. */
  request(): void {
    if (this.running) {
      this.isRequestedAgain = true;
      return;
    }
    this.running = this.runUntilCaughtUp().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no VACUUM runs or is due (before the database closes). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async runUntilCaughtUp(): Promise<void> {
    for (;;) {
      this.isRequestedAgain = false;
      try {
        await this.vacuum();
      } catch (error) {
        this.onError(error);
      }
      if (!this.takeRequestMadeMeanwhile()) return;
    }
  }

  /** Whether a request came while the VACUUM ran (read after the await, not narrowed away). */
  private takeRequestMadeMeanwhile(): boolean {
    return this.isRequestedAgain;
  }
}
