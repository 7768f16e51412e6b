import type { DraftMark } from '../lib/draft-lesson';
import { draftedPartName, withoutMark } from '../lib/drafted-review';
import { fieldDomId } from '../lib/problems';

/**
 * The mark on a part the app drafted and the teacher has not reviewed: "Drafted", the note that
 * says why it was drafted so (for a claim, the cue that decided its category), and an Accept
 * button that hands the part back without its mark. Its element is the `drafted` field's, so
 * the problem list's link to the part's problem ("is drafted and not yet reviewed") lands on the
 * Accept button. Nothing for a part without a mark.
 */
export function DraftedMark<Part extends DraftMark>({
  path,
  part,
  onChange,
}: {
  /** The marked part's lesson path, e.g. `sections[0].items[2].claims[1]`. */
  readonly path: string;
  readonly part: Part;
  readonly onChange: (part: Part) => void;
}) {
  if (part.drafted === undefined) return null;
  return (
    <div className="drafted-mark" id={fieldDomId(`${path}.drafted`)}>
      <span className="pill pill-drafted">Drafted</span>
      <span className="drafted-note">{part.drafted}</span>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onChange(withoutMark(part));
        }}
      >
        Accept<span className="visually-hidden"> drafted {draftedPartName(path)}</span>
      </button>
    </div>
  );
}
