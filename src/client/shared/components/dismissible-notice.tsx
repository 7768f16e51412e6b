import type { Ref } from 'react';

/**
 * A notice of what just happened (a lesson deleted, a session ended), in a status region that is
 * always there so screen readers announce it; `ref` is its text, for the page to focus when the
 * control that did it is gone.
 */
export function DismissibleNotice({
  notice,
  onDismiss,
  ref,
}: {
  readonly notice: string | null;
  readonly onDismiss: () => void;
  readonly ref: Ref<HTMLParagraphElement>;
}) {
  return (
    <div role="status" className={notice ? 'notice' : undefined}>
      {notice ? (
        <>
          <p ref={ref} tabIndex={-1}>
            {notice}
          </p>
          <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}
