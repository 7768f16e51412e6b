/**
 * Ids for the parts of a lesson being written. The lesson schema wants lowercase letters, digits
 * and dashes, unique within the lesson: a prefix and six random characters are, in practice (36^6
 * ≈ 2 billion), and the schema check says so should two ever meet.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_LENGTH = 6;
const MAX_SLUG_LENGTH = 40;

export function randomSuffix(length = RANDOM_LENGTH): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export function newId(prefix: string): string {
  return `${prefix}-${randomSuffix()}`;
}

/** "The Webb Telescope’s First Images!" → "the-webb-telescope-s-first-images". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** A lesson's content id from its title: its slug, or "lesson" for a title without letters. */
export function lessonIdFromTitle(title: string): string {
  return `${slugify(title) || 'lesson'}-${randomSuffix(4)}`;
}
