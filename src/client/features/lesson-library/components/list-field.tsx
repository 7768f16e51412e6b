import { Fragment, type ReactNode } from 'react';
import { removeAt, replaceAt } from '../lib/draft-edits';
import { FieldGroup, TextField } from './fields';

/** What a list's entry may do to itself, and where it is in the lesson. */
export interface ListEntry<T> {
  readonly index: number;
  readonly path: string;
  readonly change: (entry: T) => void;
  readonly remove: () => void;
}

/**
 * A list in a draft (poll options, scenarios, claims…) under a legend: each entry drawn by
 * `children` as a list item, and a button that adds a new entry at the end.
 */
export function ListField<T extends { readonly id: string }>({
  path,
  legend,
  hint,
  value,
  onChange,
  newEntry,
  addLabel,
  canAdd = true,
  children,
}: {
  readonly path: string;
  readonly legend: ReactNode;
  readonly hint?: ReactNode;
  readonly value: readonly T[];
  readonly onChange: (entries: readonly T[]) => void;
  readonly newEntry: () => T;
  readonly addLabel: string;
  readonly canAdd?: boolean;
  readonly children: (entry: T, place: ListEntry<T>) => ReactNode;
}) {
  return (
    <FieldGroup path={path} legend={legend} hint={hint}>
      <ol className="editor-list">
        {value.map((entry, index) => (
          <Fragment key={entry.id}>
            {children(entry, {
              index,
              path: `${path}[${index}]`,
              change: (changed) => {
                onChange(replaceAt(value, index, changed));
              },
              remove: () => {
                onChange(removeAt(value, index));
              },
            })}
          </Fragment>
        ))}
      </ol>
      {canAdd ? (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onChange([...value, newEntry()]);
          }}
        >
          {addLabel}
        </button>
      ) : null}
    </FieldGroup>
  );
}

export function RemoveButton({
  label,
  onRemove,
}: {
  readonly label: ReactNode;
  readonly onRemove: () => void;
}) {
  return (
    <button type="button" className="button button-quiet button-small" onClick={onRemove}>
      {label}
    </button>
  );
}

/** A list entry that is one line of text (a poll option, a statement), and its remove button. */
export function LineEntry({
  label,
  removeLabel,
  path,
  value,
  onChange,
  onRemove,
}: {
  readonly label: string;
  readonly removeLabel: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onRemove: () => void;
}) {
  return (
    <li className="editor-row">
      <TextField path={path} label={label} value={value} onChange={onChange} />
      <RemoveButton label={removeLabel} onRemove={onRemove} />
    </li>
  );
}
