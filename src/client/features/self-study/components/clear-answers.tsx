import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '#shared/components/confirm-dialog';
import { Link } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';

/**
 * Offered at the end of the lesson, for a student on a school or family device: their answers
 * are kept on the device, where the next person to open the lesson would see them.
 */
export function ClearAnswersSection({ onClear }: { readonly onClear: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  return (
    <section aria-labelledby="clear-answers-heading" className="clear-answers no-print">
      <h2 id="clear-answers-heading">Finished on a shared device?</h2>
      <p>
        Your answers are kept on this device only. If someone else uses it after you, clear them so
        the next person cannot read them. Download your work first if you want to keep it.
      </p>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setIsAsking(true);
        }}
      >
        Clear my answers from this device
      </button>
      <ConfirmDialog
        isOpen={isAsking}
        title="Clear your answers from this device?"
        message="This deletes every answer you gave in this lesson from this device, and where you stopped. It cannot be undone."
        confirmLabel="Clear my answers"
        cancelLabel="Keep my answers"
        onCancel={() => {
          setIsAsking(false);
        }}
        onConfirm={() => {
          setIsAsking(false);
          onClear();
        }}
      />
    </section>
  );
}

/**
 * What the review page shows once the answers are cleared. The button that was pressed is
 * gone, so focus goes to the heading that says what happened.
 */
export function AnswersClearedNotice({
  shareKey,
  lessonTitle,
}: {
  readonly shareKey: string;
  readonly lessonTitle: string;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <>
      <title>{`Answers cleared: ${lessonTitle}`}</title>
      <h1 ref={headingRef} tabIndex={-1}>
        Your answers are cleared
      </h1>
      <p>Nothing you answered in this lesson is kept on this device any more.</p>
      <p>
        <Link to={routes.lessonHome.build({ shareKey })}>Back to the start of the lesson</Link>
      </p>
    </>
  );
}
