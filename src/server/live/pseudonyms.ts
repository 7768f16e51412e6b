import { createHmac } from 'node:crypto';

/**
 * Friendly made-up names ("Teal Heron") for classmates on the wall when the teacher chooses
 * pseudonyms. Neither list holds a word that is commonly a first name (no Amber, Robin or
 * Willow), so a pseudonym is never mistaken for a classmate's real name.
 */
export const PSEUDONYM_ADJECTIVES: readonly string[] = (
  'Teal Coral Crimson Golden Silver Copper Cobalt Azure Saffron Ochre Slate Misty Swift Bright ' +
  'Calm Brave Clever Gentle Quiet Nimble Bold Merry Lucky Jolly Keen Wise Cheery Snowy Frosty ' +
  'Windy Stormy Mossy Dusky Velvet Cedar Polar Arctic Lunar Starry Sunlit'
).split(' ');

export const PSEUDONYM_ANIMALS: readonly string[] = (
  'Heron Otter Badger Falcon Lynx Panda Koala Beaver Bison Moose Walrus Gecko Iguana Lemur ' +
  'Llama Alpaca Marmot Puffin Pelican Penguin Toucan Gannet Plover Osprey Kestrel Condor Ibex ' +
  'Yak Zebra Okapi Tapir Wombat Narwhal Dolphin Orca Seal Salmon Turtle Tortoise Hedgehog'
).split(' ');

const PAIRS = PSEUDONYM_ADJECTIVES.length * PSEUDONYM_ANIMALS.length;

/** The k-th name: every pair once, then every pair again with "2", "3"… so k maps to one name. */
function nameAt(k: number): string {
  const pair = k % PAIRS;
  const round = Math.floor(k / PAIRS);
  const adjective = PSEUDONYM_ADJECTIVES[pair % PSEUDONYM_ADJECTIVES.length] ?? '';
  const animal = PSEUDONYM_ANIMALS[Math.floor(pair / PSEUDONYM_ADJECTIVES.length)] ?? '';
  return round === 0 ? `${adjective} ${animal}` : `${adjective} ${animal} ${round + 1}`;
}

/** The name index tried after `tried` taken ones: the next pairs, wrapping, then numbered ones. */
const probe = (start: number, tried: number) =>
  ((start + tried) % PAIRS) + PAIRS * Math.floor(tried / PAIRS);

/** Participant id to pseudonym, for one session. */
export type PseudonymsOf = (participantIdsInJoinOrder: readonly string[]) => Map<string, string>;

/**
 * Each student's pseudonym in a session: the pair an HMAC of the session and the student
 * points at (under a key derived from the server's secret, so no one without it can link a
 * pseudonym to a student, and the same student gets unrelated pseudonyms in two sessions).
 * Unique within the session: students are placed in join order and one whose pair is taken
 * takes the next free one, so a student who joins later never changes an earlier student's
 * pseudonym. It is worked out from the ids alone, never the name, on every read.
 */
export class Pseudonyms {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    // A key of its own, so pseudonyms reveal nothing about cookie signatures or response ids.
    this.key = createHmac('sha256', serverSecret).update('wall-pseudonym').digest();
  }

  forSession(sessionId: string): PseudonymsOf {
    return (participantIds) => {
      const taken = new Set<number>();
      const names = new Map<string, string>();
      for (const participantId of participantIds) {
        const digest = createHmac('sha256', this.key)
          .update(`${sessionId}\n${participantId}`)
          .digest();
        const start = digest.readUInt32BE(0) % PAIRS;
        // Every pair without a number first; only a class of more than 1,600 gets numbers.
        let tried = 0;
        while (taken.has(probe(start, tried))) tried += 1;
        const k = probe(start, tried);
        taken.add(k);
        names.set(participantId, nameAt(k));
      }
      return names;
    };
  }
}
