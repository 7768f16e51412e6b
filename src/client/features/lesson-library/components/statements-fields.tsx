import { STATEMENT_TEXT_MAX } from '#domain/lesson/lesson-constants';
import { removeAt, replaceAt } from '../lib/draft-edits';
import { type DraftStatements } from '../lib/draft-lesson';
import { newSeedStatement } from '../lib/new-draft-parts';
import { FieldGroup, TextField } from './fields';

/**
 * Class statements: the question students write statements for, the teacher's own statements
 * to start the voting, and whether students' statements wait for the teacher's approval.
 */
export function StatementsFields({
  item,
  path,
  onChange,
}: {
  readonly item: DraftStatements;
  readonly path: string;
  readonly onChange: (item: DraftStatements) => void;
}) {
  return (
    <>
      <TextField
        path={`${path}.question`}
        label="Question students write statements about"
        rows={2}
        value={item.question}
        onChange={(question) => {
          onChange({ ...item, question });
        }}
      />
      <FieldGroup
        path={`${path}.seedStatements`}
        legend="Your statements to start the voting (optional)"
        hint={`One line each, at most ${STATEMENT_TEXT_MAX} characters. Students add theirs in class.`}
      >
        <ol className="editor-list">
          {item.seedStatements.map((seed, k) => (
            <li key={seed.id} className="editor-row">
              <TextField
                path={`${path}.seedStatements[${k}].text`}
                label={`Statement ${k + 1}`}
                value={seed.text}
                onChange={(text) => {
                  onChange({
                    ...item,
                    seedStatements: replaceAt(item.seedStatements, k, { ...seed, text }),
                  });
                }}
              />
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => {
                  onChange({ ...item, seedStatements: removeAt(item.seedStatements, k) });
                }}
              >
                Remove statement {k + 1}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onChange({ ...item, seedStatements: [...item.seedStatements, newSeedStatement()] });
          }}
        >
          Add a statement
        </button>
      </FieldGroup>
      <label className="choice">
        <input
          type="checkbox"
          checked={item.requireApproval}
          onChange={(event) => {
            onChange({ ...item, requireApproval: event.target.checked });
          }}
        />
        <span>Students’ statements wait for my approval before classmates see them</span>
      </label>
    </>
  );
}
