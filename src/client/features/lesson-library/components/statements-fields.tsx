import { STATEMENT_TEXT_MAX } from '#domain/lesson/lesson-constants';
import { bindFields, type ItemFieldsProps } from '../lib/field-binding';
import { type DraftStatements } from '../lib/draft-lesson';
import { newSeedStatement } from '../lib/new-draft-parts';
import { CheckboxField, TextField } from './fields';
import { LineListField } from './list-field';

/**
 * Class statements: the question students write statements for, the teacher's own statements
 * to start the voting, and whether students' statements wait for the teacher's approval.
 */
export function StatementsFields({ item, path, onChange }: ItemFieldsProps<DraftStatements>) {
  const field = bindFields(item, path, onChange);
  return (
    <>
      <TextField label="Question students write statements about" rows={2} {...field('question')} />
      <LineListField
        legend="Your statements to start the voting (optional)"
        hint={`One line each, at most ${STATEMENT_TEXT_MAX} characters. Students add theirs in class.`}
        newEntry={newSeedStatement}
        addLabel="Add a statement"
        {...field('seedStatements')}
        entryLabel="Statement"
        textKey="text"
      />
      <CheckboxField
        label="Students’ statements wait for my approval before classmates see them"
        {...field('requireApproval')}
      />
    </>
  );
}
