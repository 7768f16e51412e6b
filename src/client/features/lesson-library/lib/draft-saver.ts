/**
 * Saves a lesson draft as the teacher types: a copy on the device at once, the server once typing
 * pauses (`delayMs`). One save at a time; changes made during a save are sent after it. With no
 * network it keeps the device copy and tries again every `retryMs` and when told the network is
 * back. A draft saved elsewhere in the meantime (409 draft_conflict) stops saving until the
 * teacher chooses: load the newer draft (`replace`) or keep theirs (`overwrite`).
 */

export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: string | null }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'error'; readonly message: string };

export type SaveFailure = 'offline' | 'conflict' | { readonly message: string };

export interface DraftSaverOptions<D> {
  /** The server's draftSavedAt the draft was opened at (null when it has none yet). */
  readonly basedOn: string | null;
  /** Sends the draft; resolves with the new draftSavedAt. `basedOn` undefined overwrites. */
  readonly save: (draft: D, basedOn: string | null | undefined) => Promise<string>;
  /** What went wrong with a save. */
  readonly classify: (error: unknown) => SaveFailure;
  /** Keeps the copy on the device; `unsaved` while the server lacks it. */
  readonly keepCopy: (draft: D, basedOn: string | null, unsaved: boolean) => void;
  readonly delayMs?: number;
  readonly retryMs?: number;
}

export class DraftSaver<D> {
  private draft: D | null = null;
  private basedOn: string | null;
  private overwriteNext = false;
  /** Counts changes, so a save knows whether what it sent is still the newest. */
  private version = 0;
  private savedVersion = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private status: SaveStatus;
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: DraftSaverOptions<D>) {
    this.basedOn = options.basedOn;
    this.status = { kind: 'saved', at: options.basedOn };
    this.delayMs = options.delayMs ?? 800;
    this.retryMs = options.retryMs ?? 10_000;
  }

  getStatus = (): SaveStatus => this.status;

  getBasedOn = (): string | null => this.basedOn;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Whether the server has every change. */
  isSaved(): boolean {
    return this.savedVersion === this.version && this.inFlight === null;
  }

  /** The teacher changed the draft: keep it here now, send it once typing pauses. */
  change(draft: D): void {
    this.draft = draft;
    this.version += 1;
    this.options.keepCopy(draft, this.basedOn, true);
    if (this.status.kind === 'conflict') return;
    if (this.status.kind !== 'offline') this.setStatus({ kind: 'pending' });
    this.schedule(this.delayMs);
  }

  /** Sends what is not saved yet now; resolves true once the server has it all. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.status.kind === 'conflict') return false;
    if (this.savedVersion === this.version || this.draft === null) return true;
    await this.send();
    return this.isSaved();
  }

  /** The network is back: send what waits, now. */
  retryNow(): void {
    if (this.status.kind === 'offline' || this.status.kind === 'error') this.schedule(0);
  }

  /** "Keep mine": the next save replaces the draft saved elsewhere. */
  overwrite(): void {
    this.overwriteNext = true;
    this.setStatus({ kind: 'pending' });
    this.schedule(0);
  }

  /** "Load the newer draft": start again from the server's draft. */
  replace(draft: D, basedOn: string | null): void {
    this.clearTimer();
    this.draft = draft;
    this.basedOn = basedOn;
    this.overwriteNext = false;
    this.version += 1;
    this.savedVersion = this.version;
    this.options.keepCopy(draft, basedOn, false);
    this.setStatus({ kind: 'saved', at: basedOn });
  }

  /** A draft opened from the device copy the server never got: send it, or stop at a conflict. */
  resume(draft: D, isConflict: boolean): void {
    this.draft = draft;
    this.version += 1;
    if (isConflict) {
      this.setStatus({ kind: 'conflict' });
      return;
    }
    this.setStatus({ kind: 'pending' });
    this.schedule(0);
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async send(): Promise<void> {
    if (this.inFlight) return; // the save under way sends the rest when it ends
    const draft = this.draft;
    if (draft === null) return;
    const version = this.version;
    const basedOn = this.overwriteNext ? undefined : this.basedOn;
    this.setStatus({ kind: 'saving' });
    const attempt = this.options.save(draft, basedOn).then(
      (savedAt) => {
        this.basedOn = savedAt;
        this.overwriteNext = false;
        this.savedVersion = version;
        const isNewest = version === this.version;
        if (this.draft !== null) this.options.keepCopy(this.draft, savedAt, !isNewest);
        this.setStatus(isNewest ? { kind: 'saved', at: savedAt } : { kind: 'pending' });
        return isNewest;
      },
      (error: unknown) => {
        const failure = this.options.classify(error);
        if (failure === 'conflict') this.setStatus({ kind: 'conflict' });
        else if (failure === 'offline') this.setStatus({ kind: 'offline' });
        else this.setStatus({ kind: 'error', message: failure.message });
        return true;
      },
    );
    this.inFlight = attempt.then(() => undefined);
    const isDone = await attempt;
    this.inFlight = null;
    if (!isDone) this.schedule(0);
    else if (this.status.kind === 'offline') this.schedule(this.retryMs);
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
