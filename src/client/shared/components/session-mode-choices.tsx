import type { SessionMode } from '#domain/api/live-contracts';
import { SESSION_MODES } from '#domain/live/live-constants';

/** How a form names each mode: a short label and what it means for the class. */
export type SessionModeLabels = Readonly<Record<SessionMode, { label: string; hint: string }>>;

/** The two ways a session runs, as radio buttons each with its meaning (inside a fieldset). */
export function SessionModeChoices({
  labels,
  mode,
  onChange,
}: {
  readonly labels: SessionModeLabels;
  readonly mode: SessionMode;
  readonly onChange: (mode: SessionMode) => void;
}) {
  return (
    <div className="choices">
      {SESSION_MODES.map((m) => (
        <label key={m} className="choice">
          <input
            type="radio"
            name="mode"
            value={m}
            checked={mode === m}
            onChange={() => {
              onChange(m);
            }}
          />
          <span>
            <strong>{labels[m].label}</strong>: {labels[m].hint}
          </span>
        </label>
      ))}
    </div>
  );
}
