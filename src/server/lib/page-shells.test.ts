import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pageShells } from './page-shells';

describe('which app shell a page gets', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function buildWith(files: string[]) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'page-shells-'));
    await mkdir(path.join(dir, 'shells'));
    for (const file of ['index.html', ...files]) await writeFile(path.join(dir, file), '<html>');
    return pageShells(dir);
  }

  it("sends the teacher's and the live class's pages their own shell, others index.html", async () => {
    const shellFor = await buildWith([
      'shells/teacher.html',
      'shells/teacher-bare.html',
      'shells/live.html',
    ]);
    expect(shellFor('/teach')).toBe('shells/teacher.html');
    // The classroom screen's first paint has no site header, as the page it becomes.
    expect(shellFor('/teach/sessions/abc/projector')).toBe('shells/teacher-bare.html');
    expect(shellFor('/teach/sessions/abc/projector/x')).toBe('shells/teacher.html');
    expect(shellFor('/teach/sessions/abc/report')).toBe('shells/teacher.html');
    expect(shellFor('/join')).toBe('shells/live.html');
    expect(shellFor('/live/abc')).toBe('shells/live.html');
    expect(shellFor('/forecasts')).toBe('shells/live.html');
    expect(shellFor('/forecasts/abc')).toBe('shells/live.html');
    expect(shellFor('/')).toBe('index.html');
    expect(shellFor('/s/soleimani-2020/study/thesis')).toBe('index.html');
    // Only whole path segments: /teachers is no teacher page.
    expect(shellFor('/teachers')).toBe('index.html');
    expect(shellFor('/joined')).toBe('index.html');
  });

  it('falls back to index.html when the build has no shell for the area', async () => {
    const shellFor = await buildWith(['shells/live.html']);
    expect(shellFor('/teach')).toBe('index.html');
    expect(shellFor('/join')).toBe('shells/live.html');
  });
});
