import type { StatementsItem } from '#domain/lesson/lesson-schema';

/**
 * Class statements for a student working alone: there are no classmates to vote with, so the
 * lesson's own statements are there to think about, and nothing is asked.
 */
export function StatementsAlone({ item }: { readonly item: StatementsItem }) {
  return (
    <>
      <p className="hint">
        In a live class, everyone writes short statements and votes on each other’s, and the class
        sees where it stands. On your own, read these and decide which you agree with.
      </p>
      {item.seedStatements.length > 0 ? (
        <ul className="seed-statements">
          {item.seedStatements.map((seed) => (
            <li key={seed.id}>{seed.text}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
