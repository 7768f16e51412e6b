import type { DraftScale } from '../lib/draft-lesson';
import { bindFields } from '../lib/field-binding';
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
  const field = bindFields(item, path, onChange);
  return <TextField label="Statement to agree or disagree with" rows={2} {...field('statement')} />;
}
