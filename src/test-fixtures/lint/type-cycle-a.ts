// Breaks local/type-import-cycle on purpose with type-cycle-b.ts: src/lint-rules.test.ts lints it.
import type { B } from './type-cycle-b';

export interface A {
  readonly next: B | null;
}
