/**
 * A text's sentences, for picking a quote from a list: cut after . ! ? (and a closing quote or
 * bracket) where a space and a capital, a digit or an opening quote follow. A short abbreviation
 * ("U.S. officials") may cut a sentence in two; the teacher can still type the quote.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?][”"’')\]]?)\s+(?=[A-Z0-9“"‘'([])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The selected text, if any, trimmed: what "Use the selected words" takes. */
export function selectedWords(selection: { toString(): string } | null): string {
  return (selection?.toString() ?? '').replace(/\s+/g, ' ').trim();
}
