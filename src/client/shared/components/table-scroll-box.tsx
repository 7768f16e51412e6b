import { useId, type ReactNode } from 'react';

/**
 * A table with its caption, in a box that scrolls sideways when the table is wider than the
 * screen (a phone, or a desktop zoomed to 400 %) instead of widening the page. A box that
 * scrolls must be reachable by keyboard, so it is a tab stop, and a named region (named by the
 * caption) so a screen reader says what that stop is. `children` are the table's rows
 * (`<thead>`, `<tbody>`).
 */
export function TableScrollBox({
  caption,
  isCaptionHidden = false,
  tableClassName = 'table',
  children,
}: {
  readonly caption: ReactNode;
  /** Where a heading just above already says what the table is, for the eye. */
  readonly isCaptionHidden?: boolean;
  readonly tableClassName?: string;
  readonly children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={tableClassName}>
        <caption id={captionId} className={isCaptionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
