/**
 * Reports a changing text once it has stopped changing for `delayMs`: a status that flickers
 * while someone types ("Saving…", "Saved", "Saving…") is said once, when the typing pauses for
 * good. The text it starts with is not reported (nothing changed), and each settle after a change
 * is reported even if it ends on the words reported last time (a new answer saved is news).
 */
export function createSettledText(
  initial: string,
  delayMs: number,
  onSettled: (text: string) => void,
): { readonly update: (text: string) => void; readonly dispose: () => void } {
  let latest = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    update(text) {
      if (text === latest) return;
      latest = text;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (latest !== '') onSettled(latest);
      }, delayMs);
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
