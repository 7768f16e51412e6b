import { type DraftLesson } from './draft-lesson';
import { readDraft } from './read-draft';

/** What the editor opens from: the server's lesson detail and this device's copy, if any. */
export interface DraftSources {
  readonly serverDraft: unknown;
  readonly draftSavedAt: string | null;
  /** The newest published version's lesson, or null. */
  readonly published: unknown;
  readonly deviceCopy: {
    readonly draft: unknown;
    readonly basedOn: string | null;
    readonly unsaved: boolean;
  } | null;
}

export interface StartingDraft {
  readonly draft: DraftLesson;
  /**
   * `server`: the saved draft; `published`: no draft, the newest version; `device`: this
   * device's copy holding changes the server never got (sent at once); `conflict`: such a copy,
   * but the server's draft changed since it was made (the teacher chooses).
   */
  readonly from: 'server' | 'published' | 'device' | 'conflict' | 'empty';
}

/** The draft the editor starts from. */
export function chooseStartingDraft(sources: DraftSources): StartingDraft {
  const { deviceCopy } = sources;
  if (deviceCopy?.unsaved) {
    const isConflict = deviceCopy.basedOn !== sources.draftSavedAt;
    return { draft: readDraft(deviceCopy.draft), from: isConflict ? 'conflict' : 'device' };
  }
  if (sources.serverDraft !== null && sources.serverDraft !== undefined) {
    return { draft: readDraft(sources.serverDraft), from: 'server' };
  }
  if (sources.published !== null && sources.published !== undefined) {
    return { draft: readDraft(sources.published), from: 'published' };
  }
  return { draft: readDraft({}), from: 'empty' };
}
