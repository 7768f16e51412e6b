import type { ReactNode } from 'react';

/** One of the documents: its title, in the browser's tab and as its heading, then its text. */
export function DocumentPage({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <article className="document">
      <title>{`${title} · Article Discussion`}</title>
      <h1>{title}</h1>
      {children}
    </article>
  );
}
