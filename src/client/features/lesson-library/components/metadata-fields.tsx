import { memo } from 'react';
import type { DraftMetadata } from '../lib/draft-lesson';
import { bindFields } from '../lib/field-binding';
import { DraftedMark } from './drafted-mark';
import { TextField } from './fields';

/** The languages offered in the language field; any other BCP 47 tag may be typed. */
const COMMON_LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Spanish' },
  { value: 'fr', label: 'French' },
  { value: 'fr-CA', label: 'French (Canada)' },
  { value: 'de', label: 'German' },
  { value: 'pt', label: 'Portuguese' },
  { value: 'pt-BR', label: 'Portuguese (Brazil)' },
  { value: 'zh-Hans', label: 'Chinese (simplified)' },
  { value: 'zh-Hant', label: 'Chinese (traditional)' },
  { value: 'ar', label: 'Arabic' },
  { value: 'vi', label: 'Vietnamese' },
  { value: 'ko', label: 'Korean' },
  { value: 'ru', label: 'Russian' },
  { value: 'ht', label: 'Haitian Creole' },
] as const;

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
        hint="Pick a common language or type a language tag: “en” English, “es” Spanish, “fr-CA” French (Canada). Students’ pages and the projector are marked with it, so screen readers read it in that language."
        suggestions={COMMON_LANGUAGES}
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
