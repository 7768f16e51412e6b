/**
 * How the forecasts are scored, in plain words: shown on the student's and the teacher's pages,
 * so both read the numbers the same way.
 */
export function ScoringHelp() {
  return (
    <details className="scoring-help">
      <summary>How forecasts are scored</summary>
      <p>
        <strong>Time-weighted Brier score.</strong> Every day from the day a question opened to its
        last day (its close date, or the day it resolved if that came first), the forecast standing
        that day is scored: (forecast − outcome)², where the outcome is 1 if it happened and 0 if
        not. The score is the mean over those days, so an early good forecast counts for more days.
        Days before your first forecast take the class median, so joining late neither punishes nor
        rewards you. 0 is perfect; always saying 50 % earns 0.25; lower is better.
      </p>
      <p>
        <strong>Log score.</strong> The same days, scored −ln(the probability you gave to what
        happened). Forecasts are counted as at least 1 % and at most 99 %, so 0 % and 100 % give a
        large but finite score. Lower is better.
      </p>
      <p>
        Days are calendar days in UTC. Annulled scenarios score nobody. Of several updates on one
        day, the last counts.
      </p>
    </details>
  );
}
