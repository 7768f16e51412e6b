/**
 * Moves focus to an element once React has drawn the change that made it: a control that moved
 * (a section or item moved up) or appeared (a new item) is recreated, and focus would otherwise
 * fall to the page's body. The first id found is focused.
 */
export function focusLater(...ids: readonly string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element && !(element instanceof HTMLButtonElement && element.disabled)) {
        element.focus();
        return;
      }
    }
  });
}
