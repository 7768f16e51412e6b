import { useId, type ReactNode } from 'react';

/**
 * A table with its caption, in a box that scrolls sideways when the table is wider than the
 * screen (a phone, or a desktop zoomed to 400 %) instead of widening the page. A box that
 * scrolls must be reachable by keyboard, so it is a tab stop, and a named region (named by the
 * caption) so a screen reader says what that stop is. `columns` are the headings of its columns
 * (a header row); `children` are the table's other rows (`<tbody>`, or a `<thead>` of its own).
 */
export function TableScrollBox({
  caption,
  isCaptionHidden = false,
  tableClassName = 'table',
  columns,
  children,
}: {
  readonly caption: ReactNode;
  /** The column headings, in order; a null one is left out (a column shown only sometimes). */
  readonly columns?: readonly ReactNode[];
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
        {columns ? (
          <thead>
            <tr>
              {columns.map((heading, index) =>
                heading === null ? null : (
                  // A table's headings stay put: a heading's place is its identity.
                  <th scope="col" key={index}>
                    {heading}
                  </th>
                ),
              )}
            </tr>
          </thead>
        ) : null}
        {children}
      </table>
    </div>
  );
}
