import { ConfirmButton } from '#shared/components/confirm-button';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import type { DraftItem } from '../lib/draft-lesson';
import { bindFields } from '../lib/field-binding';
import { fieldDomId } from '../lib/problems';
import { ClaimCheckFields } from './claim-check-fields';
import { DraftedMark } from './drafted-mark';
import { CheckboxField, FieldProblems } from './fields';
import { MoveButtons } from './move-buttons';
import { ForecastFields } from './forecast-fields';
import { PollFields } from './poll-fields';
import { useFieldProblems } from './problems-context';
import { PromptFields } from './prompt-fields';
import { ScaleFields } from './scale-fields';
import { StatementsFields } from './statements-fields';
import { WritingFields } from './writing-fields';

export const itemControlId = (item: DraftItem, control: 'up' | 'down') =>
  `item-${item.id}-${control}`;

function KindFields({
  item,
  path,
  sentences,
  onChange,
}: {
  readonly item: DraftItem;
  readonly path: string;
  readonly sentences: readonly string[];
  readonly onChange: (item: DraftItem) => void;
}) {
  switch (item.kind) {
    case 'prompt':
      return <PromptFields item={item} path={path} onChange={onChange} />;
    case 'poll':
      return <PollFields item={item} path={path} onChange={onChange} />;
    case 'scale':
      return <ScaleFields item={item} path={path} onChange={onChange} />;
    case 'claimCheck':
      return <ClaimCheckFields item={item} path={path} sentences={sentences} onChange={onChange} />;
    case 'forecast':
      return <ForecastFields item={item} path={path} onChange={onChange} />;
    case 'writing':
      return <WritingFields item={item} path={path} onChange={onChange} />;
    case 'statements':
      return <StatementsFields item={item} path={path} onChange={onChange} />;
  }
}

/** One item of a section: its kind, core or extension, its fields, and moving or deleting it. */
export function ItemEditor({
  item,
  index,
  count,
  sectionPath,
  sentences,
  onChange,
  onMove,
  onDelete,
}: {
  readonly item: DraftItem;
  readonly index: number;
  readonly count: number;
  readonly sectionPath: string;
  readonly sentences: readonly string[];
  readonly onChange: (item: DraftItem) => void;
  readonly onMove: (delta: number) => void;
  readonly onDelete: () => void;
}) {
  const path = `${sectionPath}.items[${index}]`;
  const problems = useFieldProblems(path);
  const number = index + 1;
  const kind = ITEM_KIND_LABELS[item.kind];
  const name = (
    <span className="visually-hidden">
      {' '}
      item {number} ({kind})
    </span>
  );
  return (
    <li className={item.extension ? 'item-editor item-editor-extension' : 'item-editor'}>
      <h4 id={fieldDomId(path)} tabIndex={-1}>
        Item {number}: {kind}
        {item.extension ? <span className="pill"> Extension</span> : null}
      </h4>
      <FieldProblems id={`${fieldDomId(path)}-problems`} problems={problems} />
      <DraftedMark path={path} part={item} onChange={onChange} />
      <CheckboxField
        label={
          <>Extension item{name}: extra work for a class with time left (otherwise a core item)</>
        }
        {...bindFields(item, path, onChange)('extension')}
      />
      <KindFields item={item} path={path} sentences={sentences} onChange={onChange} />
      <div className="button-row">
        <MoveButtons
          index={index}
          count={count}
          name={name}
          controlId={(edge) => itemControlId(item, edge)}
          headingIdAt={(target) => fieldDomId(`${sectionPath}.items[${target}]`)}
          onMove={onMove}
        />
        <ConfirmButton
          className="button button-small button-danger"
          title={`Delete item ${number} (${kind})?`}
          message="The item and everything written in it are removed from the draft."
          confirmLabel="Delete item"
          onConfirm={onDelete}
        >
          Delete{name}
        </ConfirmButton>
      </div>
    </li>
  );
}
