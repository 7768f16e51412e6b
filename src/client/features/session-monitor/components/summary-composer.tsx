import { useId, useRef, useState } from 'react';
import type { Section } from '#domain/lesson/lesson-schema';
import type { PublishedSummary } from '#domain/api/live-contracts';
import { LIMITS } from '#domain/live/live-constants';
import { useFocusWhenLost } from '#shared/hooks/use-focus-when-lost';
import { ThemesList } from './themes-list';
import { useSessionAction } from './use-session-action';
import { SessionActionButton } from './session-action-button';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

/**
 * The section's summary: prefilled with the lesson's, editable, published to the class and
 * withdrawn again. Mount it with the section id as key so each section has its own draft.
 */
export function SummaryComposer({
  sessionId,
  section,
  published,
  isEnded,
}: {
  readonly sessionId: string;
  readonly section: Section;
  readonly published: PublishedSummary | undefined;
  readonly isEnded: boolean;
}) {
  const headingId = useId();
  const fieldId = useId();
  const [text, setText] = useState(published?.text ?? section.summary);
  const action = useSessionAction(sessionId);
  // Withdrawing removes its own button: the status line that says what happened takes the focus.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useFocusWhenLost(statusRef, `${published?.text ?? ''} ${String(action.isPending)}`);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Section summary</h3>
      <p
        role="status"
        className={published ? 'status status-done' : 'status'}
        ref={statusRef}
        tabIndex={-1}
      >
        {published ? 'Published to the class.' : 'Not published yet.'}
      </p>
      <ThemesList sessionId={sessionId} sectionId={section.id} />
      <label htmlFor={fieldId}>Summary for “{section.title}”</label>
      <textarea
        id={fieldId}
        className="textarea"
        rows={5}
        maxLength={LIMITS.summaryLength}
        value={text}
        readOnly={isEnded}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <ApiErrorAlert error={action.error} />
      {isEnded ? null : (
        <div className="button-row">
          <SessionActionButton
            action={action}
            request={{ type: 'publish-summary', sectionId: section.id, text }}
            isPrimary
            isBlocked={text.trim() === ''}
          >
            Publish summary
          </SessionActionButton>
          {published ? (
            <SessionActionButton
              action={action}
              request={{ type: 'withdraw-summary', sectionId: section.id }}
            >
              Withdraw summary
            </SessionActionButton>
          ) : null}
        </div>
      )}
    </section>
  );
}
