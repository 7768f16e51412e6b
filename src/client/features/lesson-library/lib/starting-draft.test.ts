import { describe, expect, it } from 'vitest';
import { chooseStartingDraft } from './starting-draft';

const titled = (title: string) => ({ metadata: { title } });

describe('chooseStartingDraft', () => {
  const base = {
    serverDraft: titled('server'),
    draftSavedAt: 't1',
    published: titled('published'),
    deviceCopy: null,
  };

  it('opens the server’s draft', () => {
    const start = chooseStartingDraft(base);
    expect([start.from, start.draft.metadata.title]).toEqual(['server', 'server']);
  });

  it('opens the newest version when there is no draft, and an empty one when there is neither', () => {
    const published = chooseStartingDraft({ ...base, serverDraft: null, draftSavedAt: null });
    expect([published.from, published.draft.metadata.title]).toEqual(['published', 'published']);
    const empty = chooseStartingDraft({ ...base, serverDraft: null, published: null });
    expect(empty.from).toBe('empty');
  });

  it('opens this device’s copy when it holds changes the server never got', () => {
    const start = chooseStartingDraft({
      ...base,
      deviceCopy: { draft: titled('device'), basedOn: 't1', unsaved: true },
    });
    expect([start.from, start.draft.metadata.title]).toEqual(['device', 'device']);
  });

  it('calls it a conflict when the server’s draft changed since the copy was made', () => {
    const start = chooseStartingDraft({
      ...base,
      deviceCopy: { draft: titled('device'), basedOn: 't0', unsaved: true },
    });
    expect(start.from).toBe('conflict');
  });

  it('ignores a copy the server already has', () => {
    const start = chooseStartingDraft({
      ...base,
      deviceCopy: { draft: titled('device'), basedOn: 't0', unsaved: false },
    });
    expect(start.from).toBe('server');
  });
});
