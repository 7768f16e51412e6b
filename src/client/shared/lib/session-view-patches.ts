import type { ItemResults, PublishedSummary } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';

/**
 * Cache patches for the parts that the teacher's and the student's session views share, so a
 * live event changes both the same way.
 */
interface SharedViewParts {
  readonly summaries: readonly PublishedSummary[];
  readonly results: readonly ItemResults[];
}

function withSummary<V extends SharedViewParts>(view: V, summary: PublishedSummary): V {
  return {
    ...view,
    summaries: [...view.summaries.filter((s) => s.sectionId !== summary.sectionId), summary],
  };
}

function withoutSummary<V extends SharedViewParts>(view: V, sectionId: string): V {
  return { ...view, summaries: view.summaries.filter((s) => s.sectionId !== sectionId) };
}

export function withResults<V extends SharedViewParts>(view: V, results: ItemResults): V {
  return {
    ...view,
    results: [...view.results.filter((r) => r.itemId !== results.itemId), results],
  };
}

/** A summary published or withdrawn: the same change to either view. */
export function withSummaryEvent<V extends SharedViewParts>(
  view: V,
  event: Extract<LiveEvent, { type: 'summary.published' | 'summary.withdrawn' }>,
): V {
  return event.type === 'summary.published'
    ? withSummary(view, event.summary)
    : withoutSummary(view, event.sectionId);
}
