import { useId, type ChangeEvent, type ReactNode } from 'react';
import { fieldDomId } from '../lib/problems';
import { useFieldProblems } from './problems-context';

/**
 * The editor's form fields. Each is found by its lesson path (`sections[0].summary`): its element
 * id comes from the path, so the problem list links to it, and the problems at that path show
 * under it, tied to it by aria-describedby and marked aria-invalid.
 */

function useFieldIds(path: string, hint: ReactNode | undefined) {
  const hintId = useId();
  const problems = useFieldProblems(path);
  const id = fieldDomId(path);
  const problemsId = `${id}-problems`;
  const describedBy = [hint ? hintId : '', problems.length > 0 ? problemsId : '']
    .filter((part) => part !== '')
    .join(' ');
  return {
    id,
    hintId,
    problemsId,
    problems,
    aria: {
      'aria-invalid': problems.length > 0 ? true : undefined,
      'aria-describedby': describedBy === '' ? undefined : describedBy,
    },
  };
}

export function FieldProblems({
  id,
  problems,
}: {
  readonly id: string;
  readonly problems: readonly { readonly message: string }[];
}) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-problems">
      {problems.map((problem, index) => (
        <li key={index} className="error">
          <span className="visually-hidden">Problem: </span>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

type FieldIds = ReturnType<typeof useFieldIds>;

/** The field's hint and its problems, below it; their ids are the ones aria-describedby names. */
function FieldNotes({
  ids,
  hint,
}: {
  readonly ids: FieldIds;
  readonly hint: ReactNode | undefined;
}) {
  return (
    <>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldProblems id={ids.problemsId} problems={ids.problems} />
    </>
  );
}

/** A labelled control: its label, the control, then its hint and problems. */
function LabelledField({
  ids,
  label,
  hint,
  className = 'form-field',
  children,
}: {
  readonly ids: FieldIds;
  readonly label: ReactNode;
  readonly hint: ReactNode | undefined;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={ids.id}>{label}</label>
      {children}
      <FieldNotes ids={ids} hint={hint} />
    </div>
  );
}

interface TextFieldProps {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: ReactNode;
  readonly rows?: number;
  readonly type?: 'text' | 'url' | 'date';
  readonly readOnly?: boolean;
  readonly maxLength?: number;
  readonly autoComplete?: string;
  /** Values offered as the teacher types (a datalist): any other value may still be typed. */
  readonly suggestions?: readonly { readonly value: string; readonly label: string }[];
}

/** A text field, or a text area when given `rows`. */
export function TextField({
  path,
  label,
  value,
  onChange,
  hint,
  rows,
  type = 'text',
  readOnly = false,
  maxLength,
  autoComplete = 'off',
  suggestions,
}: TextFieldProps) {
  const ids = useFieldIds(path, hint);
  const control = {
    id: ids.id,
    value,
    readOnly,
    maxLength,
    ...ids.aria,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      onChange(event.target.value);
    },
  };
  return (
    <LabelledField ids={ids} label={label} hint={hint}>
      {rows === undefined ? (
        <>
          <input
            className="text-input"
            type={type}
            autoComplete={autoComplete}
            list={suggestions ? `${ids.id}-suggestions` : undefined}
            {...control}
          />
          {suggestions ? (
            <datalist id={`${ids.id}-suggestions`}>
              {suggestions.map((s) => (
                <option key={s.value} value={s.value} label={s.label} />
              ))}
            </datalist>
          ) : null}
        </>
      ) : (
        <textarea className="textarea" rows={rows} {...control} />
      )}
    </LabelledField>
  );
}

/** A whole number, or nothing (null) while the field is empty. */
export function NumberField({
  path,
  label,
  value,
  onChange,
  min,
  max,
  hint,
  readOnly = false,
}: {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly min?: number;
  readonly max?: number;
  readonly hint?: ReactNode;
  readonly readOnly?: boolean;
}) {
  const ids = useFieldIds(path, hint);
  return (
    <LabelledField ids={ids} label={label} hint={hint} className="form-field number-field">
      <input
        id={ids.id}
        className="text-input"
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        value={value ?? ''}
        readOnly={readOnly}
        {...ids.aria}
        onChange={(event) => {
          const typed = event.target.value.trim();
          const number = Number(typed);
          onChange(typed === '' || !Number.isFinite(number) ? null : number);
        }}
      />
    </LabelledField>
  );
}

export function SelectField<V extends string>({
  path,
  label,
  value,
  options,
  onChange,
  hint,
  disabled = false,
}: {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onChange: (value: V) => void;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
}) {
  const ids = useFieldIds(path, hint);
  return (
    <LabelledField ids={ids} label={label} hint={hint}>
      <select
        id={ids.id}
        className="text-input"
        value={value}
        disabled={disabled}
        {...ids.aria}
        onChange={(event) => {
          const chosen = options.find((o) => o.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** A group of fields (radio buttons, a list) under a legend, with the group's own problems. */
export function FieldGroup({
  path,
  legend,
  children,
  hint,
  className = 'form-field',
}: {
  readonly path: string;
  readonly legend: ReactNode;
  readonly children: ReactNode;
  readonly hint?: ReactNode;
  readonly className?: string;
}) {
  const ids = useFieldIds(path, hint);
  return (
    <fieldset id={ids.id} className={className} aria-describedby={ids.aria['aria-describedby']}>
      <legend>{legend}</legend>
      <FieldNotes ids={ids} hint={hint} />
      {children}
    </fieldset>
  );
}

/** A yes-or-no property: the box, then its words. */
export function CheckboxField({
  path,
  label,
  value,
  onChange,
}: {
  readonly path: string;
  readonly label: ReactNode;
  readonly value: boolean;
  readonly onChange: (value: boolean) => void;
}) {
  return (
    <label className="choice">
      <input
        id={fieldDomId(path)}
        type="checkbox"
        checked={value}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <span>{label}</span>
    </label>
  );
}
