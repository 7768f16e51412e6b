import type { ItemResults, PublishedSummary } from '#domain/api/live-contracts';

/**
 * Cache patches for the parts that the teacher's and the student's session views share, so a
 * live event changes both the same way.
 */
interface SharedViewParts {
  readonly summaries: readonly PublishedSummary[];
  readonly results: readonly ItemResults[];
}

export function withSummary<V extends SharedViewParts>(view: V, summary: PublishedSummary): V {
  return {
    ...view,
    summaries: [...view.summaries.filter((s) => s.sectionId !== summary.sectionId), summary],
  };
}

export function withoutSummary<V extends SharedViewParts>(view: V, sectionId: string): V {
  return { ...view, summaries: view.summaries.filter((s) => s.sectionId !== sectionId) };
}

export function withResults<V extends SharedViewParts>(view: V, results: ItemResults): V {
  return {
    ...view,
    results: [...view.results.filter((r) => r.itemId !== results.itemId), results],
  };
}
