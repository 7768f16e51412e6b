import type { Article } from './article';
import { draftLesson } from './draft-lesson';

/**
 * The first draft after a start pays for compromise building its lexicon and for the engine
 * compiling the drafter (over a second here, against a tenth of that later). A server calls
 * `warmUpDrafter()` once at start-up, off the request path, so no teacher waits for it: it drafts
 * this short built-in article, which takes every path a real one does (sections, cues of each
 * kind, dates read by compromise-dates, names, rare words). Pure: no clock, no I/O.
 */
const SAMPLE: Article = {
  title: 'City council expects to finish the new river bridge by March 2028',
  byline: 'By Jane Doe',
  siteName: 'The Example Gazette',
  published: '2026-01-15',
  url: null,
  language: 'en',
  blocks: [
    { kind: 'heading', text: 'A vote on the bridge' },
    {
      kind: 'paragraph',
      text: 'The city council voted 7 to 2 on Tuesday to spend $48 million on a new bridge over the Alder River, Mayor Ana Ruiz said. Engineers found cracks in the old bridge in 2024. Will the work start soon?',
    },
    {
      kind: 'paragraph',
      text: 'Construction is expected to begin next month and will likely take two years. The bridge could reopen by March 2028. Ruiz said the delay may be explained by the weather.',
    },
    { kind: 'caption', text: 'The old Alder River bridge in winter. (photo credit: Jane Doe)' },
    {
      kind: 'paragraph',
      text: 'I think the council made a wise decision, and residents should welcome it. Critics argue the cost is unnecessary and that a ferry would serve commuters better.',
    },
  ],
};

/** Drafts of the sample: the engine compiles a path fully only after it has run a few times. */
const ROUNDS = 3;

/** Drafts the built-in sample a few times and returns the draft (a caller may ignore it). */
export function warmUpDrafter(): Record<string, unknown> {
  const draft = () =>
    draftLesson(SAMPLE, { lessonId: 'warm-up', today: '2026-01-15', wordRank: () => undefined });
  for (let round = 1; round < ROUNDS; round += 1) draft();
  return draft();
}
