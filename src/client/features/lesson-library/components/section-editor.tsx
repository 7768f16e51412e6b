import { memo, useMemo } from 'react';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import { moveInList, removeAt, replaceAt } from '../lib/draft-edits';
import { type DraftItemKind, type DraftSection } from '../lib/draft-lesson';
import { acceptSection, countDrafted } from '../lib/drafted-review';
import { newItem } from '../lib/new-draft-parts';
import { bindFields } from '../lib/field-binding';
import { fieldDomId } from '../lib/problems';
import { splitSentences } from '../lib/sentences';
import { DraftedMark } from './drafted-mark';
import { FieldGroup, FieldProblems, TextField } from './fields';
import { focusLater } from './focus-later';
import { MoveButtons } from './move-buttons';
import { ItemEditor } from './item-editor';
import { useFieldProblems } from './problems-context';
import { SectionParagraphs } from './section-paragraphs';

const ADDABLE: readonly DraftItemKind[] = [
  'prompt',
  'poll',
  'scale',
  'claimCheck',
  'forecast',
  'writing',
  'statements',
];
const ADD_LABELS: Record<DraftItemKind, string> = {
  prompt: 'Add a discussion prompt',
  poll: 'Add a poll',
  scale: 'Add an agree-or-disagree scale',
  claimCheck: 'Add a claim check',
  forecast: 'Add a forecast',
  writing: 'Add a writing task',
  statements: 'Add class statements',
};

export const sectionControlId = (section: DraftSection, control: 'up' | 'down') =>
  `section-${section.id}-${control}`;

/** One section: its paragraphs and where it starts, title, items, summary and notes. */
function SectionEditorParts({
  section,
  index,
  count,
  firstArticleIndex,
  onChange,
  onMove,
  onSplit,
  onJoin,
}: {
  readonly section: DraftSection;
  readonly index: number;
  readonly count: number;
  readonly firstArticleIndex: number;
  readonly onChange: (section: DraftSection) => void;
  readonly onMove: (delta: number) => void;
  readonly onSplit: (indexInSection: number) => void;
  readonly onJoin: () => void;
}) {
  const path = `sections[${index}]`;
  const number = index + 1;
  const problems = useFieldProblems(path);
  const sentences = useMemo(
    () => section.paragraphs.flatMap((p) => splitSentences(p.text)),
    [section.paragraphs],
  );
  const title = section.title.trim() === '' ? 'Untitled' : section.title;
  const name = <span className="visually-hidden"> section {number}</span>;
  const field = bindFields(section, path, onChange);
  const drafted = countDrafted(section);
  const addItem = (kind: DraftItemKind) => {
    onChange({ ...section, items: [...section.items, newItem(kind)] });
    focusLater(fieldDomId(`${path}.items[${section.items.length}]`));
  };
  return (
    <section className="section-editor" aria-labelledby={fieldDomId(path)}>
      <h3 id={fieldDomId(path)} tabIndex={-1}>
        Section {number}: {title}
      </h3>
      <FieldProblems id={`${fieldDomId(path)}-problems`} problems={problems} />
      <DraftedMark path={path} part={section} onChange={onChange} />
      <div className="button-row">
        {drafted > 0 ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onChange(acceptSection(section));
            }}
          >
            Accept all drafted parts
            <span className="visually-hidden"> of section {number}</span> ({drafted})
          </button>
        ) : null}
        <MoveButtons
          index={index}
          count={count}
          name={name}
          controlId={(edge) => sectionControlId(section, edge)}
          headingIdAt={(target) => fieldDomId(`sections[${target}]`)}
          onMove={onMove}
        />
      </div>
      <SectionParagraphs
        paragraphs={section.paragraphs}
        sectionIndex={index}
        firstArticleIndex={firstArticleIndex}
        path={path}
        onSplit={onSplit}
        onJoin={onJoin}
      />
      <TextField label={`Title of section ${number}`} {...field('title')} />
      <FieldGroup path={`${path}.items`} legend={`Items of section ${number}`}>
        {section.items.length === 0 ? <p className="hint">No items yet.</p> : null}
        <ol className="editor-list">
          {section.items.map((item, i) => (
            <ItemEditor
              key={item.id}
              item={item}
              index={i}
              count={section.items.length}
              sectionPath={path}
              sentences={sentences}
              onChange={(changed) => {
                onChange({ ...section, items: replaceAt(section.items, i, changed) });
              }}
              onMove={(delta) => {
                onChange({ ...section, items: moveInList(section.items, i, delta) });
              }}
              onDelete={() => {
                onChange({ ...section, items: removeAt(section.items, i) });
                focusLater(`add-item-${section.id}`);
              }}
            />
          ))}
        </ol>
        <div className="button-row" id={`add-item-${section.id}`} tabIndex={-1}>
          {ADDABLE.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button button-small"
              title={ITEM_KIND_LABELS[kind]}
              onClick={() => {
                addItem(kind);
              }}
            >
              {ADD_LABELS[kind]}
              {name}
            </button>
          ))}
        </div>
      </FieldGroup>
      <TextField
        label={`Summary of section ${number}`}
        hint="Shown after the section’s questions; in class, the teacher publishes it."
        rows={3}
        {...field('summary')}
      />
      <TextField
        path={`${path}.teacherNotes`}
        label={`Teacher notes for section ${number} (optional)`}
        hint="For you only: what to listen for, a follow-up question. One note a line."
        rows={3}
        value={section.teacherNotes.join('\n')}
        onChange={(notes) => {
          onChange({ ...section, teacherNotes: notes.split('\n') });
        }}
      />
    </section>
  );
}

/**
 * Drawn again only when its own part of the draft changes (or its place): its callbacks are
 * remade at every change of the editor, but each does the same for the same place.
 */
export const SectionEditor = memo(
  SectionEditorParts,
  (previous, next) =>
    previous.section === next.section &&
    previous.index === next.index &&
    previous.count === next.count &&
    previous.firstArticleIndex === next.firstArticleIndex,
);
