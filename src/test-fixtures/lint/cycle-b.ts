// Breaks import-x/no-cycle on purpose with cycle-a.ts: src/lint-rules.test.ts lints it.
import { a } from './cycle-a';

export const b = (): string => (a.length > 0 ? 'b' : '');
