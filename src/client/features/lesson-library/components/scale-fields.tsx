import type { DraftScale } from '../lib/draft-lesson';
import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { TextField } from './fields';

/** An agree-or-disagree scale: its statement. */
export function ScaleFields({ item, path, onChange }: ItemFieldsProps<DraftScale>) {
  const field = bindFields(item, path, onChange);
  return <TextField label="Statement to agree or disagree with" rows={2} {...field('statement')} />;
}
