import { useId } from 'react';
import { ApiRequestError } from '#shared/lib/api-client';

function fieldError(error: unknown, field: string): boolean {
  return error instanceof ApiRequestError && error.field === field;
}

export function TextField({
  label,
  type = 'text',
  name,
  autoComplete,
  value,
  onChange,
  error,
  errorId,
  maxLength,
  hint,
}: {
  readonly label: string;
  readonly type?: string;
  readonly name: string;
  readonly autoComplete: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: unknown;
  readonly errorId: string;
  readonly maxLength?: number;
  readonly hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  const isInvalid = fieldError(error, name);
  const describedBy = [hint ? hintId : '', isInvalid ? errorId : ''].join(' ').trim();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="text-input"
        type={type}
        name={name}
        autoComplete={autoComplete}
        required
        maxLength={maxLength}
        value={value}
        aria-invalid={isInvalid}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
