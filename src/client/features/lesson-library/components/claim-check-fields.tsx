import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS } from '#domain/lesson/lesson-constants';
import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { type ClaimCategory, type DraftClaim, type DraftClaimCheck } from '../lib/draft-lesson';
import { newClaim } from '../lib/new-draft-parts';
import { DraftedMark } from './drafted-mark';
import { SelectField, TextField } from './fields';
import { ListField, RemoveButton } from './list-field';
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
  const field = bindFields(claim, path, onChange);
  return (
    <li className="editor-subitem">
      <h5>Claim {number}</h5>
      <DraftedMark path={path} part={claim} onChange={onChange} />
      <TextField
        label={`Quote ${number}, word for word from the article`}
        rows={2}
        {...field('quote')}
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
        label={`What claim ${number} is`}
        options={EXPECTED_OPTIONS}
        {...field('expected')}
      />
      <TextField label={`Why, for claim ${number}`} rows={2} {...field('explanation')} />
      <RemoveButton label={`Remove claim ${number}`} onRemove={onRemove} />
    </li>
  );
}

/** A claim check: its instructions and claims, each quoted word for word from the article. */
export function ClaimCheckFields({
  item,
  path,
  sentences,
  onChange,
}: ItemFieldsProps<DraftClaimCheck> & {
  /** The section's sentences, to pick quotes from. */
  readonly sentences: readonly string[];
}) {
  const field = bindFields(item, path, onChange);
  return (
    <>
      <TextField label="Instructions" rows={2} {...field('instructions')} />
      <ListField
        legend="Claims"
        newEntry={() => newClaim()}
        addLabel="Add a claim"
        {...field('claims')}
      >
        {(claim, { index, path: claimPath, change, remove }) => (
          <ClaimFields
            claim={claim}
            index={index}
            path={claimPath}
            sentences={sentences}
            onChange={change}
            onRemove={remove}
          />
        )}
      </ListField>
    </>
  );
}
