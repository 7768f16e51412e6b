import { fieldDomId } from '../lib/problems';

/**
 * The mark on a part the app drafted and the teacher has not reviewed: "Drafted", the note that
 * says why it was drafted so (for a claim, the cue that decided its category), and an Accept
 * button. Its element is the `drafted` field's, so the problem list's link to the part's
 * problem ("is drafted and not yet reviewed") lands on the Accept button. Nothing for a part
 * without a mark.
 */
export function DraftedMark({
  path,
  note,
  part,
  onAccept,
}: {
  /** The marked part's lesson path, e.g. `sections[0].items[2].claims[1]`. */
  readonly path: string;
  readonly note: string | undefined;
  /** The part, for the button's accessible name: "claim 2 of item 3, section 1". */
  readonly part: string;
  readonly onAccept: () => void;
}) {
  if (note === undefined) return null;
  return (
    <div className="drafted-mark" id={fieldDomId(`${path}.drafted`)}>
      <span className="pill pill-drafted">Drafted</span>
      <span className="drafted-note">{note}</span>
      <button type="button" className="button button-small" onClick={onAccept}>
        Accept<span className="visually-hidden"> drafted {part}</span>
      </button>
    </div>
  );
}
