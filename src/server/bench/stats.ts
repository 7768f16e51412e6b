export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of a set of durations. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return NaN;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
  };
  return {
    count: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.at(-1) ?? NaN,
  };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
export const mb = (kb: number) => (Number.isFinite(kb) ? (kb / 1024).toFixed(1) : '-');

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Runs `work` for 0..count-1, at most `concurrency` at a time. */
export async function runPool(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Resolves once `target` hits have been counted, or with false after `timeoutMs`. */
export class Countdown {
  private hits = 0;
  private done: (() => void) | null = null;

  constructor(private target: number) {}

  hit(): void {
    this.hits += 1;
    if (this.hits >= this.target) this.done?.();
  }

  get count(): number {
    return this.hits;
  }

  wait(timeoutMs: number): Promise<boolean> {
    if (this.hits >= this.target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.done = null;
        resolve(false);
      }, timeoutMs);
      this.done = () => {
        clearTimeout(timer);
        this.done = null;
        resolve(true);
      };
    });
  }
}
