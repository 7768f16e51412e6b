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

/**
 * A list whose entries are each one line of text in their field `textKey` (poll options, the
 * teacher's statements): "Option 1" with its remove button, "Option 2"…
 */
export function LineListField<
  Key extends string,
  T extends { readonly id: string } & Record<Key, string>,
>({
  entryLabel,
  textKey,
  ...list
}: Omit<Parameters<typeof ListField<T>>[0], 'children'> & {
  /** An entry's name, capitalised: "Option". */
  readonly entryLabel: string;
  readonly textKey: Key;
}) {
  return (
    <ListField {...list}>
      {(entry, { index, path, change, remove }) => (
        <li className="editor-row">
          <TextField
            path={`${path}.${textKey}`}
            label={`${entryLabel} ${index + 1}`}
            value={entry[textKey]}
            onChange={(text) => {
              change({ ...entry, [textKey]: text });
            }}
          />
          <RemoveButton
            label={`Remove ${entryLabel.toLowerCase()} ${index + 1}`}
            onRemove={remove}
          />
        </li>
      )}
    </ListField>
  );
}
