import { memo } from 'react';
import type { DraftMetadata } from '../lib/draft-lesson';
import { bindFields } from '../lib/field-binding';
import { DraftedMark } from './drafted-mark';
import { TextField } from './fields';

/** The lesson's title, subtitle and language, and the article's source. */
function MetadataFieldsParts({
  metadata,
  onChange,
}: {
  readonly metadata: DraftMetadata;
  readonly onChange: (metadata: DraftMetadata) => void;
}) {
  const field = bindFields(metadata, 'metadata', onChange);
  const source = bindFields(metadata.source, 'metadata.source', (changed) => {
    onChange({ ...metadata, source: changed });
  });
  return (
    <>
      <DraftedMark path="metadata" part={metadata} onChange={onChange} />
      <TextField label="Lesson title" {...field('title')} />
      <TextField
        label="Subtitle"
        hint="One line on what the class will discuss."
        {...field('subtitle')}
      />
      <TextField
        label="Language of the article"
        hint="A language code of 2 or 3 letters: “en” English, “es” Spanish, “fr” French, “de” German. Students’ pages are marked with it."
        {...field('language')}
      />
      <TextField label="Article headline, as published" {...source('headline')} />
      <TextField label="Source (publication)" {...source('publication')} />
      <TextField label="Author" {...source('authorDescription')} />
      <TextField label="Date published" hint="e.g. 2022-07-12" {...source('published')} />
      <TextField label="Link to the article (optional)" type="url" {...source('url')} />
      <TextField
        label="Permission to use it (optional)"
        hint="e.g. “Public domain (U.S. government work)”"
        {...source('permission')}
      />
    </>
  );
}

/**
 * Drawn again only when its own part of the draft changes (or its place): its callbacks are
 * remade at every change of the editor, but each does the same for the same place.
 */
export const MetadataFields = memo(
  MetadataFieldsParts,
  (previous, next) => previous.metadata === next.metadata,
);
