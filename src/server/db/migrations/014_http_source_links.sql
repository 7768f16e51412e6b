-- A lesson's source link must now be http or https (a `javascript:` address would run a script
-- when clicked). Versions published before may hold another: they lose the link, not the
-- lesson, so every one of them still opens. Drafts are checked only on publishing.
UPDATE lesson_versions
SET file = (file::jsonb #- '{metadata,source,url}')::text
WHERE file::jsonb #>> '{metadata,source,url}' IS NOT NULL
  AND file::jsonb #>> '{metadata,source,url}' !~* '^https?://';
