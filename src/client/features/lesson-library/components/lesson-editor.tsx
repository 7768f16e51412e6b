import { useCallback, useDeferredValue, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import type { LessonDetailView } from '../api/library-api';
import {
  articleParagraphs,
  mergeWithPrevious,
  moveSection,
  splitSection,
  updateSection,
} from '../lib/draft-edits';
import { describeStatus } from '../lib/describe-lesson';
import { useScrollPaddingBelow } from '../lib/use-scroll-padding-below';
import { clearEditedMarks } from '../lib/drafted-review';
import {
  checkDraft,
  editorFieldPaths,
  fieldDomId,
  fieldForProblem,
  problemsByField,
  type EditorProblem,
} from '../lib/problems';
import { ConflictNotice } from './conflict-notice';
import { GlossaryEditor } from './glossary-editor';
import { LessonPreview } from './lesson-preview';
import { MetadataFields } from './metadata-fields';
import { MinutesTotal } from './minutes-total';
import { ProblemList } from './problem-list';
import { ProblemsContext } from './problems-context';
import { PublishButton } from './publish-button';
import { SaveStatusLine } from './save-status';
import { SectionEditor } from './section-editor';
import { useDraftEditor } from './use-draft-editor';

const FIELD_ID_PREFIX = 'field-';

/** The value first given for a key, for as long as the key stays the same. */
function useSameWhileEqual<T>(value: T, key: string): T {
  const [kept, setKept] = useState({ key, value });
  if (kept.key !== key) setKept({ key, value });
  return kept.key === key ? kept.value : value;
}

/**
 * The editor of a teacher's lesson: the article's details, its sections (where each starts,
 * title, items, summary, notes) and the glossary, saved as the teacher types; its problems
 * beside their fields (once the teacher has left a field, or asked to publish) and in a list at
 * the top, the parts the app drafted among them until the teacher edits or accepts each; the
 * minutes the lesson takes and the text's grade level; preview as a student; publish.
 */
export function LessonEditor({ detail }: { readonly detail: LessonDetailView }) {
  const lessonId = detail.summary.lessonId;
  const editor = useDraftEditor(lessonId, detail);
  const { draft } = editor;
  // Edited since the server's summary was read (it is read again only on publishing): the
  // status line says so at the first keystroke, not at the next reload.
  const [edits, setEdits] = useState({ since: detail.summary, made: false });
  if (edits.since !== detail.summary) setEdits({ since: detail.summary, made: false });
  const editorUpdate = editor.update;
  const update = useCallback(
    (change: Parameters<typeof editorUpdate>[0]) => {
      setEdits((current) => (current.made ? current : { ...current, made: true }));
      editorUpdate(change);
    },
    [editorUpdate],
  );
  const [isPreview, setIsPreview] = useState(false);
  const [isShowingAll, setIsShowingAll] = useState(false);
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [serverProblems, setServerProblems] = useState<readonly EditorProblem[]>([]);
  /** Problems the server found beyond the first 100 it listed. */
  const [moreServerProblems, setMoreServerProblems] = useState(0);
  const problemListRef = useRef<HTMLHeadingElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  useScrollPaddingBelow(toolbarRef);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, lessonId);

  // Checked in a render of its own, after the keystroke's, so a long lesson does not slow typing.
  const checked = useDeferredValue(draft);
  // The fields are the ones on screen now (the problems may be a moment older).
  const fields = useMemo(() => editorFieldPaths(draft), [draft]);
  const problems = useMemo(() => {
    const own = checkDraft(checked);
    const extra = serverProblems.filter(
      (p) => !own.some((o) => o.path === p.path && o.message === p.message),
    );
    return [...own, ...extra];
  }, [checked, serverProblems]);
  const byField = useMemo(() => problemsByField(problems, fields), [problems, fields]);
  const shownNow = useMemo(
    () =>
      isShowingAll
        ? byField
        : new Map([...byField].filter(([field]) => visited.has(field) || field === '')),
    [byField, isShowingAll, visited],
  );
  // The same problems keep the same map, so the sections they did not touch are not drawn again.
  const shown = useSameWhileEqual(shownNow, JSON.stringify([...shownNow]));
  const domIds = useMemo(
    () => new Map([...fields].map((path) => [fieldDomId(path), path] as const)),
    [fields],
  );

  const change = useCallback<typeof update>(
    (edit) => {
      setServerProblems((current) => (current.length === 0 ? current : []));
      setMoreServerProblems(0);
      // Editing a part the app drafted is reviewing it: its mark goes.
      update((current) => clearEditedMarks(current, edit(current)));
    },
    [update],
  );

  /** Leaving a field shows its problems from then on. */
  const markVisited = (event: FocusEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const holder = target?.closest(`[id^="${FIELD_ID_PREFIX}"]`);
    const path = holder ? domIds.get(holder.id) : undefined;
    if (path !== undefined && !visited.has(path)) setVisited(new Set([...visited, path]));
  };

  const showProblems = (found: readonly EditorProblem[], more: number) => {
    setServerProblems(found);
    setMoreServerProblems(more);
    setIsShowingAll(true);
    setIsPreview(false);
    requestAnimationFrame(() => problemListRef.current?.focus());
  };

  const paragraphs = articleParagraphs(draft);
  const firstIndexOf = (sectionIndex: number) =>
    paragraphs.find((p) => p.sectionIndex === sectionIndex)?.index ?? 0;
  const title = draft.metadata.title.trim() === '' ? 'Untitled lesson' : draft.metadata.title;

  return (
    <ProblemsContext value={shown}>
      <title>{`Edit: ${title}`}</title>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <p className="hint">
        {describeStatus({
          ...detail.summary,
          hasUnpublishedChanges: detail.summary.hasUnpublishedChanges || edits.made,
        })}
      </p>
      <div className="editor-toolbar" ref={toolbarRef}>
        <SaveStatusLine status={editor.status} />
        <MinutesTotal draft={draft} readingLevel={editor.readingLevel} />
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setIsPreview(!isPreview);
              requestAnimationFrame(() => previewRef.current?.focus());
            }}
          >
            {isPreview ? 'Back to editing' : 'Preview as a student'}
          </button>
          <PublishButton
            lessonId={lessonId}
            problemCount={problems.length}
            flush={editor.flush}
            onProblems={showProblems}
          />
        </div>
      </div>
      {editor.status.kind === 'conflict' ? (
        <ConflictNotice onLoadNewer={editor.loadNewer} onKeepMine={editor.keepMine} />
      ) : null}
      {editor.startedFrom === 'device' ? (
        <p className="notice">
          Opened with the changes this device kept that had not reached the server; they are being
          saved now.
        </p>
      ) : null}
      <ProblemList
        problems={problems}
        moreProblems={moreServerProblems}
        fieldOf={(path) => fieldForProblem(path, fields)}
        headingRef={problemListRef}
        onGoToField={(field) => {
          setIsPreview(false);
          setVisited(new Set([...visited, field]));
        }}
      />
      {isPreview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" ref={previewRef} tabIndex={-1}>
            Preview as a student
          </h2>
          <LessonPreview draft={draft} />
        </section>
      ) : (
        <div className="lesson-editor" onBlur={markVisited}>
          <h2 className="visually-hidden" ref={previewRef} tabIndex={-1}>
            Editing
          </h2>
          <section aria-labelledby="about-heading" className="panel">
            <h2 id="about-heading">About the article</h2>
            <MetadataFields
              metadata={draft.metadata}
              onChange={(metadata) => {
                change((d) => ({ ...d, metadata }));
              }}
            />
          </section>
          <section aria-labelledby={fieldDomId('sections')}>
            <h2 id={fieldDomId('sections')} tabIndex={-1}>
              Sections ({draft.sections.length})
            </h2>
            <p className="hint">
              Check “Start a section here” at the paragraph where a new section begins; uncheck it
              to join that section to the one before.
            </p>
            {draft.sections.map((section, s) => (
              <SectionEditor
                key={section.id}
                section={section}
                index={s}
                count={draft.sections.length}
                firstArticleIndex={firstIndexOf(s)}
                onChange={(changed) => {
                  change((d) => updateSection(d, s, () => changed));
                }}
                onMove={(delta) => {
                  change((d) => moveSection(d, s, delta));
                }}
                onSplit={(indexInSection) => {
                  change((d) => splitSection(d, s, indexInSection));
                }}
                onJoin={() => {
                  change((d) => mergeWithPrevious(d, s));
                }}
              />
            ))}
          </section>
          <section aria-labelledby="glossary-heading" className="panel">
            <h2 id="glossary-heading">Glossary</h2>
            <GlossaryEditor
              glossary={draft.glossary}
              onChange={(glossary) => {
                change((d) => ({ ...d, glossary }));
              }}
            />
          </section>
        </div>
      )}
    </ProblemsContext>
  );
}
