import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS } from '#domain/lesson/lesson-constants';
import { removeAt, replaceAt } from '../lib/draft-edits';
import { type ClaimCategory, type DraftClaim, type DraftClaimCheck } from '../lib/draft-lesson';
import { newClaim } from '../lib/new-draft-parts';
import { FieldGroup, SelectField, TextField } from './fields';
import { UseSelectionButton } from './use-selected-words';

const EXPECTED_OPTIONS: readonly { value: ClaimCategory | ''; label: string }[] = [
  { value: '', label: 'Choose…' },
  ...CLAIM_CATEGORIES.map((category) => ({
    value: category,
    label: CLAIM_CATEGORY_LABELS[category],
  })),
];

function ClaimFields({
  claim,
  index,
  path,
  sentences,
  onChange,
  onRemove,
}: {
  readonly claim: DraftClaim;
  readonly index: number;
  readonly path: string;
  readonly sentences: readonly string[];
  readonly onChange: (claim: DraftClaim) => void;
  readonly onRemove: () => void;
}) {
  const number = index + 1;
  const picked = sentences.includes(claim.quote) ? claim.quote : '';
  return (
    <li className="editor-subitem">
      <h5>Claim {number}</h5>
      <TextField
        path={`${path}.quote`}
        label={`Quote ${number}, word for word from the article`}
        rows={2}
        value={claim.quote}
        onChange={(quote) => {
          onChange({ ...claim, quote });
        }}
      />
      <div className="picker-row">
        <SelectField
          path={`${path}.quote-picker`}
          label={`Pick a sentence for quote ${number}`}
          value={picked}
          options={[
            {
              value: '',
              label: sentences.length > 0 ? 'Choose a sentence…' : 'No text in this section',
            },
            ...sentences.map((sentence) => ({ value: sentence, label: sentence })),
          ]}
          onChange={(quote) => {
            if (quote !== '') onChange({ ...claim, quote });
          }}
        />
        <UseSelectionButton
          label={`Use the selected words as quote ${number}`}
          onWords={(quote) => {
            onChange({ ...claim, quote });
          }}
        />
      </div>
      <SelectField
        path={`${path}.expected`}
        label={`What claim ${number} is`}
        value={claim.expected}
        options={EXPECTED_OPTIONS}
        onChange={(expected) => {
          onChange({ ...claim, expected });
        }}
      />
      <TextField
        path={`${path}.explanation`}
        label={`Why, for claim ${number}`}
        rows={2}
        value={claim.explanation}
        onChange={(explanation) => {
          onChange({ ...claim, explanation });
        }}
      />
      <button type="button" className="button button-quiet button-small" onClick={onRemove}>
        Remove claim {number}
      </button>
    </li>
  );
}

/** A claim check: its instructions and claims, each quoted word for word from the article. */
export function ClaimCheckFields({
  item,
  path,
  sentences,
  onChange,
}: {
  readonly item: DraftClaimCheck;
  readonly path: string;
  /** The section's sentences, to pick quotes from. */
  readonly sentences: readonly string[];
  readonly onChange: (item: DraftClaimCheck) => void;
}) {
  return (
    <>
      <TextField
        path={`${path}.instructions`}
        label="Instructions"
        rows={2}
        value={item.instructions}
        onChange={(instructions) => {
          onChange({ ...item, instructions });
        }}
      />
      <FieldGroup path={`${path}.claims`} legend="Claims">
        <ol className="editor-list">
          {item.claims.map((claim, c) => (
            <ClaimFields
              key={claim.id}
              claim={claim}
              index={c}
              path={`${path}.claims[${c}]`}
              sentences={sentences}
              onChange={(changed) => {
                onChange({ ...item, claims: replaceAt(item.claims, c, changed) });
              }}
              onRemove={() => {
                onChange({ ...item, claims: removeAt(item.claims, c) });
              }}
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onChange({ ...item, claims: [...item.claims, newClaim()] });
          }}
        >
          Add a claim
        </button>
      </FieldGroup>
    </>
  );
}
