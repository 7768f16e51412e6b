import type { Locator, Page } from '@playwright/test';

/**
 * A forecast's slider and number field are each named after their scenario, so a screen
 * reader's list of form controls tells the scenarios apart: find them by that name alone.
 */
export function forecastSlider(scope: Page | Locator, statement: string): Locator {
  return scope.getByRole('slider', { name: `${statement}: probability slider`, exact: true });
}

export function forecastField(scope: Page | Locator, statement: string): Locator {
  return scope.getByRole('textbox', { name: `${statement}: Probability (%)`, exact: true });
}
