// Breaks local/type-import-cycle on purpose with type-cycle-a.ts: src/lint-rules.test.ts lints it.
import type { A } from './type-cycle-a';

export interface B {
  readonly previous: A | null;
}
