import type { DraftScale } from '../lib/draft-lesson';
import { TextField } from './fields';

/** An agree-or-disagree scale: its statement. */
export function ScaleFields({
  item,
  path,
  onChange,
}: {
  readonly item: DraftScale;
  readonly path: string;
  readonly onChange: (item: DraftScale) => void;
}) {
  return (
    <TextField
      path={`${path}.statement`}
      label="Statement to agree or disagree with"
      rows={2}
      value={item.statement}
      onChange={(statement) => {
        onChange({ ...item, statement });
      }}
    />
  );
}
