import type { ReactNode } from 'react';
import { focusLater } from './focus-later';

/**
 * "Move up" and "Move down" for one entry of a list (a section, an item). After a move, focus
 * follows the entry to its new place: on the same button, or on the other one when the entry
 * reached an end of the list and the pressed button is now disabled.
 */
export function MoveButtons({
  index,
  count,
  name,
  controlId,
  headingIdAt,
  onMove,
}: {
  readonly index: number;
  readonly count: number;
  /** What the buttons move, for a screen reader: " item 2 (Poll)", visually hidden. */
  readonly name: ReactNode;
  readonly controlId: (edge: 'up' | 'down') => string;
  /** The heading's id of the entry at a given index, focused when its button is gone. */
  readonly headingIdAt: (index: number) => string;
  readonly onMove: (delta: number) => void;
}) {
  const move = (delta: number) => {
    onMove(delta);
    const target = index + delta;
    const edge = target === 0 ? 'down' : target === count - 1 ? 'up' : delta < 0 ? 'up' : 'down';
    focusLater(controlId(edge), headingIdAt(target));
  };
  return (
    <>
      <button
        id={controlId('up')}
        type="button"
        className="button button-small"
        disabled={index === 0}
        onClick={() => {
          move(-1);
        }}
      >
        Move up{name}
      </button>
      <button
        id={controlId('down')}
        type="button"
        className="button button-small"
        disabled={index === count - 1}
        onClick={() => {
          move(1);
        }}
      >
        Move down{name}
      </button>
    </>
  );
}
