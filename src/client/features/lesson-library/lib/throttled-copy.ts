/**
 * Writes the device's copy of a draft at most every `intervalMs` while the teacher types (a
 * long lesson is tens of kilobytes to store at each keystroke), the newest one always: the
 * first at once, the last when the interval ends, and any waiting one when the page is hidden
 * (`flush`), so a reload or a closed tab still finds it.
 */
export class ThrottledCopy<T> {
  private pending: { readonly value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (value: T) => void,
    private readonly intervalMs = 250,
  ) {}

  keep(value: T): void {
    if (this.timer === null) {
      this.write(value);
      this.timer = setTimeout(this.tick, this.intervalMs);
      return;
    }
    this.pending = { value };
  }

  /** Writes the waiting copy now. */
  flush = (): void => {
    const waiting = this.pending;
    this.pending = null;
    if (waiting) this.write(waiting.value);
  };

  /** Drops the waiting copy (the server has it all). */
  cancel(): void {
    this.pending = null;
  }

  private readonly tick = (): void => {
    this.timer = null;
    const waiting = this.pending;
    if (!waiting) return;
    this.pending = null;
    this.keep(waiting.value);
  };
}
