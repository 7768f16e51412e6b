import type { ScenarioResolutionView } from '#domain/api/forecast-contracts';
import { describeOutcome } from '../lib/question-text';

/** A scenario's outcome, with the source the teacher gave (or that the lesson told it). */
export function ScenarioOutcome({
  resolution,
}: {
  readonly resolution: ScenarioResolutionView | null;
}) {
  return (
    <p className="scenario-outcome">
      <strong>{describeOutcome(resolution)}</strong>
      {resolution?.sourceUrl ? (
        <>
          {' '}
          (
          <a href={resolution.sourceUrl} rel="noreferrer noopener" target="_blank">
            source<span className="visually-hidden">, opens in a new tab</span>
          </a>
          )
        </>
      ) : null}
      {resolution?.source === 'lesson' ? ' (as the lesson tells it)' : null}
    </p>
  );
}
