/**
 * Students' display names: cleaned so invisible characters cannot hide in them, and reduced to
 * a "skeleton" so two names that look alike count as the same name (the second "Sam" is offered
 * the way back in, or becomes "Sam (2)", never a second indistinguishable "Sam").
 */

/**
 * Zero-width characters, bidirectional controls, soft hyphens, variation selectors, tags and
 * the other code points Unicode says to render as nothing: invisible, so never part of a name.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Control characters and every kind of space or line break: one plain space each. */
const SPACING = /[\p{Cc}\p{Z}\s]+/gu;

/**
 * The name as it is kept and shown: NFKC (fullwidth and mathematical letters become plain
 * ones), invisible characters removed, runs of spaces made one, trimmed. May be empty.
 */
export function cleanDisplayName(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(SPACING, ' ').trim();
}

/** A character map from pairs written "from to" and separated by spaces: "а a е e". */
function pairs(list: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const pair of list.split(' ')) {
    const [from = '', to = ''] = Array.from(pair);
    map.set(from, to);
  }
  return map;
}

/**
 * Capitals of other scripts that look like Latin capitals. Mapped before case folding, since
 * their lower-case forms look like other letters (Greek Η is an H, its η an n).
 */
const LOOKALIKE_CAPITALS = pairs(
  // Cyrillic, then Greek
  'АA ВB ЕE КK МM НH ОO РP СC ТT УY ХX ЅS ІI ЈJ ԚQ ԜW ' +
    'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX',
);

/**
 * Small letters of other scripts (and a few Latin ones, and digits inside a name) that look
 * like small Latin letters. A small subset of Unicode's confusables, for what a class types.
 */
const LOOKALIKES = pairs(
  // Cyrillic, Greek, Latin letters that pass for others, digits and signs
  'аa еe ёë һh іi їï јj кk оo рp сc уy хx ѕs ԁd ԛq ԝw ӏl ' +
    'αa ιi κk νv οo ρp υu χx γy ηn μu ' +
    'ıi ɑa ɡg ʏy ' +
    '0o 1l |l',
);

const mapEach = (text: string, table: ReadonlyMap<string, string>) =>
  Array.from(text, (char) => table.get(char) ?? char).join('');

/**
 * The key two names are compared by: cleaned, case folded and with look-alike letters mapped
 * to the Latin letter they resemble, so "Sam", "SAM", "Sam\u200b" and "Sаm" (a Cyrillic а)
 * share one skeleton. Accents are kept: "Zoë" and "Zoe" are different names. Look-alikes
 * within Latin ("Ian" with a capital I, "lan" with a small L; "rn" and "m") are not caught.
 */
export function nameSkeleton(name: string): string {
  const latinCapitals = mapEach(cleanDisplayName(name), LOOKALIKE_CAPITALS);
  return mapEach(latinCapitals.toLowerCase().normalize('NFC'), LOOKALIKES);
}
