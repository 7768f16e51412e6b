import type { ArticleDetails } from '../lib/new-draft-parts';
import { TextField } from './fields';

/**
 * The pasted article: its details and its text, which become a lesson the teacher writes by
 * hand (nothing drafted). Also where a refused article's text lands to start by hand.
 */
export function PasteArticleFields({
  details,
  onDetailsChange,
  article,
  onArticleChange,
  paragraphCount,
}: {
  readonly details: ArticleDetails;
  readonly onDetailsChange: (change: Partial<ArticleDetails>) => void;
  readonly article: string;
  readonly onArticleChange: (text: string) => void;
  readonly paragraphCount: number;
}) {
  const field = (name: keyof ArticleDetails) => ({
    path: name,
    value: details[name],
    onChange: (value: string) => {
      onDetailsChange({ [name]: value });
    },
  });
  return (
    <>
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
        onChange={onArticleChange}
        hint={
          <>
            Paragraphs are separated by blank lines (or by line breaks when there are no blank
            lines).{' '}
            <span role="status">
              {paragraphCount === 1 ? '1 paragraph' : `${paragraphCount} paragraphs`} found.
            </span>
          </>
        }
      />
    </>
  );
}
