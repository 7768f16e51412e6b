import type { StudentItem as Item } from './answer-key-schemas';

/** The question an item asks, as one line of text: what a heading or a report shows for it. */
export function getItemQuestion(item: Item): string {
  switch (item.kind) {
    case 'prompt':
    case 'poll':
    case 'forecast':
    case 'statements':
      return item.question;
    case 'scale':
      return item.statement;
    case 'claimCheck':
      return item.instructions;
    case 'writing':
      return item.task;
  }
}
