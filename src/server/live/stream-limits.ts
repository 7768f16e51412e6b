import { ApiError } from '../lib/api-error';

/** Whose stream it is, and how many that owner may hold at once. */
export interface StreamOwner {
  readonly key: string;
  readonly cap: number;
}

/** A student may have a couple of tabs (and a dead connection the server has not noticed yet). */
export const STREAMS_PER_PARTICIPANT = 4;
/** A teacher may have the monitor, the wall, the projector and reports open. */
export const STREAMS_PER_TEACHER = 8;

/** The owner key of a teacher's streams. */
export const teacherStreamKey = (teacherId: string) => `teacher:${teacherId}`;

interface HeldStream {
  readonly owner: string;
  readonly address: string;
  readonly close: () => void;
  isReleased: boolean;
}

/**
 * Counts the event streams this process holds, per owner (a participant, a teacher) and per
 * client address, so one cookie or one machine cannot use up the server's open files.
 *
 * Over its owner's cap, the owner's oldest stream is closed: a reconnect after a dead connection
 * or a new tab must win over a stream nobody reads. Over the address's cap, the new stream is
 * refused, since the others are other people's.
 */
export class StreamLimits {
  private readonly byOwner = new Map<string, HeldStream[]>();
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly perAddress: number) {}

  /**
   * Admits a stream, or throws a 429 ApiError when its address holds too many. `close` ends the
   * stream when a newer one of the same owner replaces it. Returns the release, to call (any
   * number of times) when the stream ends.
   */
  admit(owner: StreamOwner, address: string, close: () => void): () => void {
    const atAddress = this.byAddress.get(address) ?? 0;
    if (atAddress >= this.perAddress) {
      throw new ApiError(
        429,
        'rate_limited',
        `Too many live connections from this network (${this.perAddress}). Close other tabs or wait, then reload.`,
      );
    }
    const held: HeldStream = { owner: owner.key, address, close, isReleased: false };
    const owned = this.byOwner.get(owner.key) ?? [];
    owned.push(held);
    this.byOwner.set(owner.key, owned);
    this.byAddress.set(address, atAddress + 1);
    while (owned.length > owner.cap) {
      const oldest = owned[0];
      if (!oldest) break;
      this.release(oldest);
      oldest.close();
    }
    return () => {
      this.release(held);
    };
  }

  /** Ends every stream the owner holds in this process (a disabled teacher's). */
  closeAllOf(ownerKey: string): void {
    for (const held of [...(this.byOwner.get(ownerKey) ?? [])]) {
      this.release(held);
      held.close();
    }
  }

  /** How many streams an owner holds now. */
  heldBy(ownerKey: string): number {
    return this.byOwner.get(ownerKey)?.length ?? 0;
  }

  private release(held: HeldStream) {
    if (held.isReleased) return;
    held.isReleased = true;
    const owned = this.byOwner.get(held.owner) ?? [];
    const index = owned.indexOf(held);
    if (index !== -1) owned.splice(index, 1);
    if (owned.length === 0) this.byOwner.delete(held.owner);
    const atAddress = (this.byAddress.get(held.address) ?? 1) - 1;
    if (atAddress <= 0) this.byAddress.delete(held.address);
    else this.byAddress.set(held.address, atAddress);
  }
}
