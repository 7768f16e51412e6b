import { useId, type RefObject } from 'react';
import { ARTICLE_MAX_BYTES } from '#domain/api/lesson-library-contracts';
import { ARTICLE_FILE_ACCEPT } from '../lib/article-file';
import type { ArticleRefusal } from '../lib/article-refusal';
import { formatFileSize } from '../lib/describe-lesson';
import { fieldDomId } from '../lib/problems';
import { FieldProblems, TextField } from './fields';

/** The field paths of the two ways to bring an article for drafting. */
export const ARTICLE_URL_PATH = 'articleUrl';
export const ARTICLE_FILE_PATH = 'articleFile';

/** The web address the server fetches the article from. */
export function ArticleAddressField({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <TextField
      path={ARTICLE_URL_PATH}
      label="Web address of the article"
      type="url"
      autoComplete="url"
      hint="e.g. https://www.example.org/news/story. The server fetches the page and finds the article in it."
      value={value}
      onChange={onChange}
    />
  );
}

/** A web page saved as a file, or the article's text as plain text or Markdown. */
export function ArticleFileField({
  inputRef,
  problem,
  onChange,
}: {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly problem: string | null;
  readonly onChange: () => void;
}) {
  const hintId = useId();
  const id = fieldDomId(ARTICLE_FILE_PATH);
  const problemsId = `${id}-problems`;
  return (
    <div className="form-field">
      <label htmlFor={id}>Article file</label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={ARTICLE_FILE_ACCEPT}
        aria-invalid={problem === null ? undefined : true}
        aria-describedby={problem === null ? hintId : `${hintId} ${problemsId}`}
        onChange={onChange}
      />
      <p id={hintId} className="hint">
        A web page saved as <code>.html</code>, or the article’s text as <code>.txt</code> or{' '}
        <code>.md</code> (Markdown headings start sections), at most{' '}
        {formatFileSize(ARTICLE_MAX_BYTES)}.
      </p>
      <FieldProblems id={problemsId} problems={problem === null ? [] : [{ message: problem }]} />
    </div>
  );
}

/** What a refusal lets the teacher do instead: paste the text, or start by hand with it. */
export function RefusalOffer({
  refusal,
  onPaste,
  onStartByHand,
}: {
  readonly refusal: ArticleRefusal | null;
  readonly onPaste: () => void;
  readonly onStartByHand: (article: Extract<ArticleRefusal, { offer: 'by-hand' }>) => void;
}) {
  if (refusal?.offer === 'paste') {
    return (
      <p className="button-row">
        <button type="button" className="button" onClick={onPaste}>
          Paste the text instead
        </button>
      </p>
    );
  }
  if (refusal?.offer === 'by-hand') {
    return (
      <p className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            onStartByHand(refusal);
          }}
        >
          Start by hand with this text
        </button>
      </p>
    );
  }
  return null;
}
