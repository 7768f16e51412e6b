import { franc } from 'franc-min';

/**
 * ISO 639-3 (what franc-min answers) to ISO 639-1, for the languages franc-min knows that have
 * a two-letter code; the others keep their three letters, which BCP 47 also accepts.
 */
const TWO_LETTER: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  ckb: 'ku',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  nya: 'ny',
  zyb: 'za',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  cmn: 'zh',
  ben: 'bn',
  jpn: 'ja',
  kor: 'ko',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  mya: 'my',
  pan: 'pa',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  ell: 'el',
};

/** How much text franc reads: enough to be sure, little enough to stay fast on a long page. */
const SAMPLE_CHARACTERS = 20_000;

/** The text's language as a BCP 47 primary subtag ("en", "es", "ceb"), or "und" when unsure. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, SAMPLE_CHARACTERS));
  return TWO_LETTER[code] ?? code;
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Spanish" for "es"; the code itself when it has no English name. */
export function languageName(code: string): string {
  if (code === 'und') return 'an unknown language';
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
