import { expect, type Page } from '@playwright/test';

/** A teacher's API call from their own browser (its cookies), with the CSRF header. */
export async function teacherApi(
  page: Page,
  method: 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<unknown> {
  let token = (await page.context().cookies()).find((c) => c.name === 'csrf')?.value;
  if (!token)
    token = ((await (await page.request.get('/api/csrf')).json()) as { token: string }).token;
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { 'x-csrf-token': token },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as unknown;
}
