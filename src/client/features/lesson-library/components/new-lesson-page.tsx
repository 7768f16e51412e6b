import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { Link, navigate } from '#shared/lib/router';
import { routes } from '#shared/lib/routes';
import { createLesson, storeLessonDetail } from '../api/library-api';
import { toLessonJson } from '../lib/lesson-json';
import {
  EMPTY_ARTICLE_DETAILS,
  newDraftFromArticle,
  type ArticleDetails,
} from '../lib/new-draft-parts';
import { detectParagraphs } from '../lib/paragraphs';
import { fieldDomId, type EditorProblem } from '../lib/problems';
import { TextField } from './fields';
import { ProblemsContext } from './problems-context';
import { ApiErrorAlert } from '#shared/components/api-error-alert';

const TITLE = 'New lesson from an article';

/** What must be filled in before the lesson is made; the rest can wait for the editor. */
function checkArticle(details: ArticleDetails, paragraphs: readonly string[]): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (details.title.trim() === '')
    problems.push({ path: 'title', message: 'Give the article’s title.' });
  if (paragraphs.length === 0) {
    problems.push({ path: 'article', message: 'Paste the article’s text.' });
  }
  return problems;
}

/** /teach/lessons/new: the article's details and text, made into a draft lesson to edit. */
export function NewLessonPage() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, 'new-lesson');
  const [details, setDetails] = useState<ArticleDetails>(EMPTY_ARTICLE_DETAILS);
  const [article, setArticle] = useState('');
  const [problems, setProblems] = useState<readonly EditorProblem[]>([]);
  const paragraphs = useMemo(() => detectParagraphs(article), [article]);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => createLesson(toLessonJson(newDraftFromArticle(details, paragraphs))),
    onSuccess: (detail) => {
      storeLessonDetail(queryClient, detail);
      navigate(routes.lessonEditor.build({ lessonId: detail.summary.lessonId }));
    },
  });
  const byField = useMemo(
    () => new Map(problems.map((problem) => [problem.path, [problem]] as const)),
    [problems],
  );
  const field = (name: keyof ArticleDetails) => ({
    path: name,
    value: details[name],
    onChange: (value: string) => {
      setDetails((current) => ({ ...current, [name]: value }));
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const found = checkArticle(details, paragraphs);
    setProblems(found);
    const first = found[0];
    if (first) {
      document.getElementById(fieldDomId(first.path))?.focus();
      return;
    }
    mutation.mutate();
  };
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
        Paste an article you may use in class. Its paragraphs are found for you; next you mark where
        sections start and write the questions.
      </p>
      <ProblemsContext value={byField}>
        <form className="panel" aria-label={TITLE} noValidate onSubmit={submit}>
          <TextField label="Article title" {...field('title')} />
          <TextField
            label="Subtitle"
            hint="One line under the lesson’s title, e.g. the question it asks; needed to publish, and it can wait for the editor"
            {...field('subtitle')}
          />
          <TextField
            label="Source"
            hint="The publication or organisation, e.g. NASA"
            {...field('publication')}
          />
          <TextField
            label="Author"
            hint="Who wrote it, or e.g. “NASA news release”"
            {...field('author')}
          />
          <TextField label="Date published" type="date" {...field('date')} />
          <TextField label="Link to the article" type="url" {...field('url')} />
          <TextField
            label="Permission to use it"
            hint="e.g. “Public domain (U.S. government work)” or “Used with the publisher’s permission”"
            {...field('permission')}
          />
          <TextField
            path="article"
            label="Article text"
            rows={12}
            value={article}
            onChange={setArticle}
            hint={
              <>
                Paragraphs are separated by blank lines (or by line breaks when there are no blank
                lines).{' '}
                <span role="status">
                  {paragraphs.length === 1 ? '1 paragraph' : `${paragraphs.length} paragraphs`}{' '}
                  found.
                </span>
              </>
            }
          />
          <ApiErrorAlert error={mutation.error} />
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Creating…' : 'Create the lesson'}
          </button>
        </form>
      </ProblemsContext>
    </>
  );
}
