import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PSEUDONYM_ADJECTIVES, PSEUDONYM_ANIMALS, Pseudonyms } from './pseudonyms';

const secret = 'a-test-secret-of-at-least-32-characters!';
const ids = (count: number) => Array.from({ length: count }, () => randomUUID());

describe('pseudonyms on the class wall', () => {
  it('gives each student a stable, friendly pseudonym from the two word lists', () => {
    const students = ids(30);
    const first = new Pseudonyms(secret).forSession('session-1')(students);
    // Another instance with the same secret (another server) says the same.
    const again = new Pseudonyms(secret).forSession('session-1')(students);
    expect([...again]).toEqual([...first]);
    for (const name of first.values()) {
      const [adjective, animal, extra] = name.split(' ');
      expect(PSEUDONYM_ADJECTIVES).toContain(adjective);
      expect(PSEUDONYM_ANIMALS).toContain(animal);
      expect(extra).toBeUndefined();
    }
  });

  it('keeps earlier students’ pseudonyms when more join', () => {
    const students = ids(40);
    const of = new Pseudonyms(secret).forSession('session-1');
    const early = of(students.slice(0, 10));
    const later = of(students);
    for (const [id, name] of early) expect(later.get(id)).toBe(name);
  });

  it('never gives two students of a session the same pseudonym, however many there are', () => {
    const pairs = PSEUDONYM_ADJECTIVES.length * PSEUDONYM_ANIMALS.length;
    // More students than pairs: collisions are certain, and the last ones get numbers.
    const students = ids(pairs + 50);
    const names = new Pseudonyms(secret).forSession('big')(students);
    expect(new Set(names.values()).size).toBe(students.length);
    expect([...names.values()].filter((n) => /\d$/.test(n))).toHaveLength(50);
  });

  it('gives the same student unrelated pseudonyms in two sessions and under another secret', () => {
    const students = ids(200);
    const one = new Pseudonyms(secret).forSession('session-1')(students);
    const two = new Pseudonyms(secret).forSession('session-2')(students);
    const otherSecret = new Pseudonyms(`${secret}-other`).forSession('session-1')(students);
    const same = (a: Map<string, string>, b: Map<string, string>) =>
      students.filter((id) => a.get(id) === b.get(id)).length;
    // By chance a few may match; most must not.
    expect(same(one, two)).toBeLessThan(10);
    expect(same(one, otherSecret)).toBeLessThan(10);
  });

  it('is worked out from ids alone: no word list holds a common first name', () => {
    // What a class is likely to be called; the lists avoid every one of them.
    const firstNames = ['Amber', 'Robin', 'Willow', 'Rose', 'Ruby', 'Jay', 'Wren', 'Sandy'];
    for (const name of firstNames) {
      expect(PSEUDONYM_ADJECTIVES).not.toContain(name);
      expect(PSEUDONYM_ANIMALS).not.toContain(name);
    }
    const names = new Pseudonyms(secret).forSession('s')(['id-of-ada', 'id-of-ben']);
    for (const name of names.values()) expect(name).not.toMatch(/ada|ben/i);
  });
});
