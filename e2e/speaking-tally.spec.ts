import { readFile } from 'node:fs/promises';
import { parseCsv } from '#domain/reports/csv';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/page-checks';

test('the teacher tallies who speaks: shares, who has not spoken, a warning, undo, the report', async ({
  teacher,
  newStudent,
}) => {
  test.setTimeout(120_000);
  const code = await teacher.startSession('Teacher-paced');
  const names = ['Ada', 'Ben', 'Chen', 'Dana'] as const;
  for (const name of names) await (await newStudent()).join(code, name);
  await teacher.expectStudents(names);

  const { page } = teacher;
  const tally = page.getByRole('region', { name: 'Who has spoken' });
  await expect(tally).toContainText('No turns recorded yet.');
  await expect(tally).toContainText('Not spoken yet (4): Ada, Ben, Chen and Dana');

  // A second tab of the monitor follows the tally live.
  const secondTab = await page.context().newPage();
  await secondTab.goto(page.url());
  const secondTally = secondTab.getByRole('region', { name: 'Who has spoken' });
  await expect(secondTally).toContainText('No turns recorded yet.');

  const record = tally.getByRole('list', { name: 'Record a turn' });
  const speaker = (name: string) => record.getByRole('button', { name: new RegExp(`^${name} `) });
  // By keyboard: the kind first (it applies to the next turn only), then the name.
  await tally.getByRole('radio', { name: 'Challenges' }).check();
  await speaker('Ada').focus();
  await page.keyboard.press('Enter');
  await expect(tally.getByRole('status')).toHaveText('Turn recorded: Ada (challenges).');
  await expect(tally.getByRole('radio', { name: 'Not marked' })).toBeChecked();
  await expect(speaker('Ada')).toHaveAccessibleName('Ada 1 turn so far');
  for (let turn = 2; turn <= 4; turn += 1) {
    await speaker('Ada').click();
    await expect(speaker('Ada')).toHaveAccessibleName(`Ada ${turn} turns so far`);
  }
  await tally.getByRole('radio', { name: 'Builds on' }).check();
  await speaker('Ben').click();
  await expect(speaker('Ben')).toHaveAccessibleName('Ben 1 turn so far');
  await expect(tally).toContainText('5 turns so far.');
  await expect(tally).not.toContainText('A few voices');

  // A sixth turn: Ada holds 5 of 6, and she is one of four students.
  await speaker('Ada').click();
  await expect(tally).toContainText('6 turns so far.');
  await expect(tally).toContainText(
    'A few voices: Ada has taken 83 % of the turns (1 of 4 students). 2 have not spoken yet',
  );
  const table = tally.getByRole('table', { name: 'Share of speaking turns' });
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name} `) });
  await expect(row('Ada').getByRole('cell')).toHaveText(['5', '83 %', '0', '0', '1', '0']);
  await expect(row('Ben').getByRole('cell')).toHaveText(['1', '17 %', '0', '1', '0', '0']);
  await expect(tally).toContainText('Not spoken yet (2): Chen and Dana');
  await expect(secondTally).toContainText('6 turns so far.');
  await expect(secondTally).toContainText('A few voices: Ada has taken 83 %');

  // A mistaken tap is taken back, in this tab and the other.
  await tally.getByRole('button', { name: 'Undo the last turn (Ada)' }).click();
  await expect(tally.getByRole('status')).toHaveText('Last turn taken back.');
  await expect(tally).toContainText('5 turns so far.');
  await expect(tally).not.toContainText('A few voices');
  await expect(secondTally).toContainText('5 turns so far.');
  await expectNoAxeViolations(page);

  // At a phone's width the buttons and the table stay inside the screen.
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // The report keeps the counts, and its CSV has a row per student, the silent ones too.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'Report' }).click();
  const section = page.getByRole('region', { name: 'Speaking turns (5)' });
  await expect(section.getByRole('row', { name: /^Ada / }).getByRole('cell').first()).toHaveText(
    '4',
  );
  await expect(section).toContainText('Did not speak (2): Chen and Dana');
  const downloading = page.waitForEvent('download');
  await section.getByRole('link', { name: 'Download speaking turns (CSV)' }).click();
  const download = await downloading;
  const rows = parseCsv((await readFile(await download.path(), 'utf8')).replace('\uFEFF', ''));
  expect(rows).toEqual([
    [
      'student',
      'turns',
      'share_percent',
      'new_idea',
      'builds_on',
      'challenges',
      'question',
      'unmarked',
    ],
    ['Ada', '4', '80', '0', '0', '1', '0', '3'],
    ['Ben', '1', '20', '0', '1', '0', '0', '0'],
    ['Chen', '0', '0', '0', '0', '0', '0', '0'],
    ['Dana', '0', '0', '0', '0', '0', '0', '0'],
  ]);
});
