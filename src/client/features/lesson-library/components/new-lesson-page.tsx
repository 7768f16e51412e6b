import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { ApiErrorAlert } from '#shared/components/api-error-alert';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import {
  createLesson,
  draftLessonFromArticle,
  storeLessonDetail,
  type ArticleDraftRequest,
  type LessonDetailView,
} from '../api/library-api';
import { checkArticleAddress } from '../lib/article-address';
import { readArticleFile } from '../lib/article-file';
import {
  describeArticleRefusal,
  type ArticleRefusal,
  type ArticleSource,
} from '../lib/article-refusal';
import { toLessonJson } from '../lib/lesson-json';
import {
  EMPTY_ARTICLE_DETAILS,
  newDraftFromArticle,
  type ArticleDetails,
} from '../lib/new-draft-parts';
import { detectParagraphs } from '../lib/paragraphs';
import { fieldDomId, type EditorProblem } from '../lib/problems';
import {
  ARTICLE_FILE_PATH,
  ARTICLE_URL_PATH,
  ArticleAddressField,
  ArticleFileField,
  RefusalOffer,
} from './article-source-fields';
import { focusLater } from './focus-later';
import { PasteArticleFields } from './paste-article-fields';
import { ProblemsContext } from './problems-context';

const TITLE = 'New lesson from an article';

type ArticleMode = ArticleSource | 'paste';

const MODES: readonly { readonly value: ArticleMode; readonly label: string }[] = [
  { value: 'url', label: 'Web address' },
  { value: 'file', label: 'File (.html, .txt or .md)' },
  { value: 'paste', label: 'Paste text' },
];

const FIELD_OF: Readonly<Record<ArticleSource, string>> = {
  url: ARTICLE_URL_PATH,
  file: ARTICLE_FILE_PATH,
};

/** What the status line says while the server works: fetching and drafting take seconds. */
const WORKING: Readonly<Record<ArticleSource, string>> = {
  url: 'Fetching the article and drafting the lesson. This can take a few seconds…',
  file: 'Reading the article and drafting the lesson. This can take a few seconds…',
};

/**
 * Requests wait while the device is offline (they are sent when it is back), so the status says
 * why nothing happens yet instead of a progress that never ends.
 */
const OFFLINE =
  'No connection: the request will be sent as soon as this device is back online. Nothing you typed is lost.';

/** What must be filled in before a pasted article is made a lesson; the rest can wait. */
function checkArticle(details: ArticleDetails, paragraphs: readonly string[]): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (details.title.trim() === '')
    problems.push({ path: 'title', message: 'Give the article’s title.' });
  if (paragraphs.length === 0) {
    problems.push({ path: 'article', message: 'Paste the article’s text.' });
  }
  return problems;
}

/**
 * /teach/lessons/new: an article brought by its web address or as a file, drafted by the server
 * into a lesson to edit; or pasted, made into a lesson the teacher writes by hand.
 */
export function NewLessonPage() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useFocusOnArrival(headingRef, 'new-lesson');
  const [mode, setMode] = useState<ArticleMode>('url');
  const [address, setAddress] = useState('');
  const [details, setDetails] = useState<ArticleDetails>(EMPTY_ARTICLE_DETAILS);
  const [article, setArticle] = useState('');
  const [problems, setProblems] = useState<readonly EditorProblem[]>([]);
  const [refusals, setRefusals] = useState<Partial<Record<ArticleSource, ArticleRefusal>>>({});
  const [note, setNote] = useState('');
  const paragraphs = useMemo(() => detectParagraphs(article), [article]);
  const queryClient = useQueryClient();
  const openEditor = (detail: LessonDetailView) => {
    storeLessonDetail(queryClient, detail);
    navigate(routes.lessonEditor.build({ lessonId: detail.summary.lessonId }));
  };
  const create = useMutation({
    mutationFn: () => createLesson(toLessonJson(newDraftFromArticle(details, paragraphs))),
    onSuccess: openEditor,
  });
  const refuse = (source: ArticleSource, refusal: ArticleRefusal | undefined) => {
    setRefusals((current) => ({ ...current, [source]: refusal }));
    if (refusal) focusLater(fieldDomId(FIELD_OF[source]));
  };
  const draft = useMutation({
    mutationFn: (request: { source: ArticleSource; body: ArticleDraftRequest }) =>
      draftLessonFromArticle(request.body),
    onSuccess: openEditor,
    onError: (error, request) => {
      refuse(request.source, describeArticleRefusal(error, request.source));
    },
  });
  const byField = useMemo(() => {
    const shown = new Map(problems.map((problem) => [problem.path, [problem]] as const));
    const urlRefusal = refusals.url;
    if (urlRefusal) shown.set(ARTICLE_URL_PATH, [{ path: ARTICLE_URL_PATH, ...urlRefusal }]);
    return shown;
  }, [problems, refusals.url]);

  /** Takes the teacher to the paste fields, with whatever text and details are known. */
  const switchToPaste = (text: { title: string; paragraphs: readonly string[] } | null) => {
    const url = mode === 'url' ? address.trim() : '';
    setDetails((current) => ({
      ...current,
      title: current.title === '' && text ? text.title : current.title,
      url: current.url === '' ? url : current.url,
    }));
    if (text) setArticle(text.paragraphs.join('\n\n'));
    setMode('paste');
    setNote(
      text
        ? 'The article’s text is under Paste text: check its details, then create the lesson and write it by hand.'
        : 'Paste the article’s text below.',
    );
    focusLater(fieldDomId(text ? 'title' : 'article'));
  };

  const submitArticle = async (source: ArticleSource) => {
    let body: ArticleDraftRequest;
    if (source === 'url') {
      const checked = checkArticleAddress(address);
      if (!checked.ok) {
        refuse('url', { message: checked.message, offer: null });
        return;
      }
      body = { url: checked.url };
    } else {
      const reading = await readArticleFile(fileRef.current?.files?.[0]);
      if (!reading.ok) {
        refuse('file', { message: reading.message, offer: null });
        return;
      }
      body = reading.body;
    }
    refuse(source, undefined);
    draft.mutate({ source, body });
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setNote('');
    if (mode !== 'paste') {
      void submitArticle(mode);
      return;
    }
    const found = checkArticle(details, paragraphs);
    setProblems(found);
    const first = found[0];
    if (first) {
      document.getElementById(fieldDomId(first.path))?.focus();
      return;
    }
    create.mutate();
  };
  const pending = draft.isPending || create.isPending;
  const refusal = mode === 'paste' ? null : (refusals[mode] ?? null);
  return (
    <>
      <title>{TITLE}</title>
      <p className="breadcrumbs">
        <Link to={routes.lessonLibrary.build()}>Your lessons</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {TITLE}
      </h1>
      <p className="lead">
        Bring an article by its web address or as a file, and the app drafts a lesson from it:
        sections, discussion prompts, a claim check, forecasts and glossary terms. Or paste its text
        and write the lesson yourself.
      </p>
      <p className="draft-explanation">
        A draft is a start to edit, not a finished lesson: every drafted part is marked “Drafted” in
        the editor, and you review each one (edit it or accept it) before the lesson can be
        published.
      </p>
      <ProblemsContext value={byField}>
        <form className="panel" aria-label={TITLE} noValidate onSubmit={submit}>
          <fieldset className="form-field choices">
            <legend>How to bring the article</legend>
            {MODES.map((option) => (
              <label key={option.value} className="choice">
                <input
                  type="radio"
                  name="article-source"
                  value={option.value}
                  checked={mode === option.value}
                  disabled={pending}
                  onChange={() => {
                    setMode(option.value);
                    setNote('');
                  }}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </fieldset>
          {/* Every way stays mounted, hidden when not chosen: switching loses nothing typed. */}
          <div hidden={mode !== 'url'}>
            <ArticleAddressField
              value={address}
              onChange={(value) => {
                setAddress(value);
                if (refusals.url) refuse('url', undefined);
              }}
            />
          </div>
          <div hidden={mode !== 'file'}>
            <ArticleFileField
              inputRef={fileRef}
              problem={refusals.file?.message ?? null}
              onChange={() => {
                if (refusals.file) refuse('file', undefined);
              }}
            />
          </div>
          <RefusalOffer
            refusal={refusal}
            onPaste={() => {
              switchToPaste(null);
            }}
            onStartByHand={(found) => {
              switchToPaste(found.article);
            }}
          />
          <div hidden={mode !== 'paste'}>
            <PasteArticleFields
              details={details}
              onDetailsChange={(change) => {
                setDetails((current) => ({ ...current, ...change }));
              }}
              article={article}
              onArticleChange={setArticle}
              paragraphCount={paragraphs.length}
            />
            <ApiErrorAlert error={create.error} />
          </div>
          <div role="status" className="draft-progress">
            {draft.isPending ? (
              <>
                <progress aria-label="Drafting the lesson" />
                <span>{draft.isPaused ? OFFLINE : WORKING[draft.variables.source]}</span>
              </>
            ) : create.isPaused ? (
              OFFLINE
            ) : (
              note
            )}
          </div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {mode === 'paste'
              ? create.isPending
                ? 'Creating…'
                : 'Create the lesson'
              : draft.isPending
                ? 'Drafting…'
                : 'Draft the lesson'}
          </button>
        </form>
      </ProblemsContext>
    </>
  );
}
