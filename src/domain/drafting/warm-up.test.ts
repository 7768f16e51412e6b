import { describe, expect, it } from 'vitest';
import { warmUpDrafter } from './warm-up';

interface Item {
  kind: string;
  horizon?: string;
}

describe('warmUpDrafter', () => {
  it('drafts its built-in sample through every part of the drafter, the same each time', () => {
    const draft = warmUpDrafter();
    const items = (draft.sections as { items: Item[] }[]).flatMap((s) => s.items);
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(['prompt', 'claimCheck', 'forecast']),
    );
    const horizons = items.flatMap((i) => ('horizon' in i ? [i.horizon] : []));
    // compromise-dates read "next month" and "by March 2028".
    expect(horizons).toEqual(['2026-02-28', '2028-03-31']);
    expect((draft.glossary as { drafted: string }[]).map((g) => g.drafted)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Named person/u),
        expect.stringMatching(/^Rare word/u),
      ]),
    );
    expect(JSON.stringify(warmUpDrafter())).toBe(JSON.stringify(draft));
  });
});
