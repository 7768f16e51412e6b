import { expect, type Locator, type Page } from '@playwright/test';
import type { Item, Lesson, Section } from '#domain/lesson/lesson-schema';
import { forecastField, forecastSlider } from './forecast-inputs';

/** The probabilities the test student gives, scenario by scenario, in percent. */
export const FORECAST_PLAN = [80, 10, 30, 20, 60];

/** How the test student answers each item: a fixed plan, so a reload can be checked against it. */
/** The planned piece of writing for a writing task. */
export function plannedWriting(item: { readonly id: string }): string {
  return `To the editor, about ${item.id}: a short letter written for the test.`;
}

export function plannedPrompt(item: Item): string {
  return `My answer to ${item.id}: the author argues one thing, and I would add another.`;
}

/** The student sorts every claim as expected except the first, which they put one category on. */
export function plannedClaimCategory(claimIndex: number, expected: string): string {
  const categories = ['Fact', 'Opinion', 'Prediction', 'Analysis'];
  const expectedLabel = expected.charAt(0).toUpperCase() + expected.slice(1);
  if (claimIndex !== 0) return expectedLabel;
  return categories[(categories.indexOf(expectedLabel) + 1) % categories.length]!;
}

/** Role-based locators and intent methods for the self-study screens. */
export class SelfStudyPage {
  constructor(
    readonly page: Page,
    readonly lesson: Lesson,
  ) {}

  item(question: string): Locator {
    return this.page.getByRole('region', { name: question, exact: true });
  }

  scenario(item: Locator, statement: string): Locator {
    return item.getByRole('group', { name: statement, exact: true });
  }

  async expectSection(section: Section) {
    const index = this.lesson.sections.indexOf(section);
    await expect(this.page.getByRole('heading', { level: 1, name: section.title })).toBeVisible();
    await expect(
      this.page.getByText(`Section ${index + 1} of ${this.lesson.sections.length}`),
    ).toBeVisible();
  }

  async goToNextSection(next: Section) {
    await this.page.getByRole('link', { name: `Next: ${next.title}` }).click();
    await this.expectSection(next);
  }

  /** Answers one item the planned way; the first forecast scenario is set by keyboard alone. */
  async answer(item: Item) {
    switch (item.kind) {
      case 'prompt':
        await this.item(item.question).getByRole('textbox').fill(plannedPrompt(item));
        return;
      case 'poll': {
        const region = this.item(item.question);
        if (item.mode === 'single') {
          await region.getByRole('radio', { name: item.options[0]!.label, exact: true }).check();
        } else {
          for (const option of item.options.slice(0, 2)) {
            await region.getByRole('checkbox', { name: option.label, exact: true }).check();
          }
        }
        return;
      }
      case 'scale':
        await this.item(item.statement).getByRole('radio', { name: 'Agree', exact: true }).check();
        return;
      case 'claimCheck': {
        const region = this.item(item.instructions);
        for (const [index, claim] of item.claims.entries()) {
          await region
            .getByRole('radiogroup', { name: claim.quote, exact: true })
            .getByRole('radio', { name: plannedClaimCategory(index, claim.expected), exact: true })
            .check();
        }
        return;
      }
      case 'writing':
        await this.item(item.task).getByRole('textbox').fill(plannedWriting(item));
        return;
      case 'forecast': {
        const region = this.item(item.question);
        for (const [index, scenario] of item.scenarios.entries()) {
          const percent = FORECAST_PLAN[index % FORECAST_PLAN.length]!;
          const field = forecastField(region, scenario.statement);
          if (index === 0) {
            const slider = forecastSlider(region, scenario.statement);
            await slider.focus();
            await slider.press('End');
            for (let step = 100; step > percent; step -= 1) await slider.press('ArrowLeft');
            await expect(field).toHaveValue(String(percent));
          } else {
            await field.fill(String(percent));
          }
        }
        return;
      }
    }
  }

  /** Checks that an item shows the planned answer (after a reload, say). */
  async expectAnswered(item: Item) {
    switch (item.kind) {
      case 'prompt':
        await expect(this.item(item.question).getByRole('textbox')).toHaveValue(
          plannedPrompt(item),
        );
        return;
      case 'poll': {
        const region = this.item(item.question);
        const role = item.mode === 'single' ? 'radio' : 'checkbox';
        const chosen = item.mode === 'single' ? 1 : 2;
        for (const [index, option] of item.options.entries()) {
          const control = region.getByRole(role, { name: option.label, exact: true });
          if (index < chosen) await expect(control).toBeChecked();
          else await expect(control).not.toBeChecked();
        }
        return;
      }
      case 'scale':
        await expect(
          this.item(item.statement).getByRole('radio', { name: 'Agree', exact: true }),
        ).toBeChecked();
        return;
      case 'claimCheck': {
        const region = this.item(item.instructions);
        for (const [index, claim] of item.claims.entries()) {
          await expect(
            region.getByRole('radiogroup', { name: claim.quote, exact: true }).getByRole('radio', {
              name: plannedClaimCategory(index, claim.expected),
              exact: true,
            }),
          ).toBeChecked();
        }
        return;
      }
      case 'writing':
        await expect(this.item(item.task).getByRole('textbox')).toHaveValue(plannedWriting(item));
        return;
      case 'forecast': {
        const region = this.item(item.question);
        for (const [index, scenario] of item.scenarios.entries()) {
          await expect(forecastField(region, scenario.statement)).toHaveValue(
            String(FORECAST_PLAN[index % FORECAST_PLAN.length]),
          );
        }
        return;
      }
    }
  }
}
