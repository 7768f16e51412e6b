/**
 * Prints the built-in lesson's core path item by item with its minutes in class and alone, as
 * the duration model counts them (src/domain/lesson/lesson-duration.ts): the reading of each
 * section, then each core item, then the totals. For checking what a change to the core path
 * costs: npm run lesson-minutes.
 */
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { countWords } from '#domain/lesson/answers';
import {
  CLASS_READING_WORDS_PER_MINUTE,
  itemDuration,
  lessonDuration,
  SELF_STUDY_READING_WORDS_PER_MINUTE,
} from '#domain/lesson/lesson-duration';

const minutes = (value: number): string => value.toFixed(2).padStart(6);
const rows: string[] = [`${'core path'.padEnd(44)} ${'class'.padStart(6)} ${'alone'.padStart(6)}`];
let classroom = 0;
let selfStudy = 0;
for (const section of soleimaniLesson.sections) {
  const words = section.paragraphs.reduce((sum, p) => sum + countWords(p.text), 0);
  const reading = {
    classroom: words / CLASS_READING_WORDS_PER_MINUTE,
    selfStudy: words / SELF_STUDY_READING_WORDS_PER_MINUTE,
  };
  const core = section.items.filter((item) => item.extension !== true);
  const lines = [
    { name: `${section.id}: reading ${words} words`, ...reading },
    ...core.map((item) => ({ name: `  ${item.kind} ${item.id}`, ...itemDuration(item) })),
  ];
  for (const line of lines) {
    classroom += line.classroom;
    selfStudy += line.selfStudy;
    rows.push(`${line.name.padEnd(44)} ${minutes(line.classroom)} ${minutes(line.selfStudy)}`);
  }
}
rows.push(`${'sum'.padEnd(44)} ${minutes(classroom)} ${minutes(selfStudy)}`);
const { classroom: inClass, selfStudy: alone } = lessonDuration(soleimaniLesson);
rows.push(
  `${'whole minutes (rounded up once)'.padEnd(44)} ${String(inClass.core).padStart(6)} ${String(alone.core).padStart(6)}`,
);
console.log(rows.join('\n'));
