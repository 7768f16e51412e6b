import { memo } from 'react';
import { removeAt, replaceAt } from '../lib/draft-edits';
import { type DraftTerm } from '../lib/draft-lesson';
import { newTerm } from '../lib/new-draft-parts';
import { bindFields } from '../lib/field-binding';
import { fieldDomId } from '../lib/problems';
import { DraftedMark } from './drafted-mark';
import { FieldGroup, TextField } from './fields';
import { focusLater } from './focus-later';
import { RemoveButton } from './list-field';
import { UseSelectionButton } from './use-selected-words';

function TermFields({
  term,
  index,
  onChange,
  onRemove,
}: {
  readonly term: DraftTerm;
  readonly index: number;
  readonly onChange: (term: DraftTerm) => void;
  readonly onRemove: () => void;
}) {
  const path = `glossary[${index}]`;
  const number = index + 1;
  const field = bindFields(term, path, onChange);
  return (
    <li className="editor-subitem">
      <h4 id={fieldDomId(path)} tabIndex={-1}>
        Term {number}
        {term.term.trim() === '' ? '' : `: ${term.term}`}
      </h4>
      <DraftedMark path={path} part={term} onChange={onChange} />
      <TextField label={`Term ${number}, as it appears in the article`} {...field('term')} />
      <p className="picker-row">
        <UseSelectionButton
          label={`Use the selected words as term ${number}`}
          onWords={(words) => {
            onChange({ ...term, term: words });
          }}
        />
      </p>
      <TextField
        path={`${path}.matches`}
        label={`Other forms of term ${number} in the text (optional)`}
        hint="One a line, e.g. the plural, when the article uses more than one form."
        rows={2}
        value={term.matches.join('\n')}
        onChange={(value) => {
          onChange({ ...term, matches: value === '' ? [] : value.split('\n') });
        }}
      />
      <TextField label={`Definition of term ${number}`} rows={2} {...field('definition')} />
      <RemoveButton label={`Remove term ${number}`} onRemove={onRemove} />
    </li>
  );
}

/** The glossary: terms from the article's text and their definitions. */
function GlossaryEditorParts({
  glossary,
  onChange,
}: {
  readonly glossary: readonly DraftTerm[];
  readonly onChange: (glossary: readonly DraftTerm[]) => void;
}) {
  return (
    <FieldGroup
      path="glossary"
      legend="Glossary"
      hint="Words of the article a student may not know: each opens its definition where it first appears in a section. Select words in the article and use them, or type them."
      className="form-field glossary-editor"
    >
      {glossary.length === 0 ? <p className="hint">No terms yet.</p> : null}
      <ol className="editor-list">
        {glossary.map((term, g) => (
          <TermFields
            key={term.id}
            term={term}
            index={g}
            onChange={(changed) => {
              onChange(replaceAt(glossary, g, changed));
            }}
            onRemove={() => {
              onChange(removeAt(glossary, g));
              focusLater('add-glossary-term');
            }}
          />
        ))}
      </ol>
      <button
        id="add-glossary-term"
        type="button"
        className="button button-small"
        onClick={() => {
          onChange([...glossary, newTerm()]);
          focusLater(fieldDomId(`glossary[${glossary.length}].term`));
        }}
      >
        Add a glossary term
      </button>
    </FieldGroup>
  );
}

/**
 * Drawn again only when its own part of the draft changes (or its place): its callbacks are
 * remade at every change of the editor, but each does the same for the same place.
 */
export const GlossaryEditor = memo(
  GlossaryEditorParts,
  (previous, next) => previous.glossary === next.glossary,
);
