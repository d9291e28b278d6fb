import type { Page } from 'playwright-core';

/** The console's scenario form's text fields, as a plastics maker in Huangdao fills them. */
export async function fillScenario(page: Page, title: string, description: string, enterprise = { name: '青岛某塑料制品有限公司', creditCode: '91350100M000100Y43' }) {
  await page.getByTestId('scenario-title').fill(title);
  await page.getByTestId('scenario-description').fill(description);
  await page.getByTestId('scenario-enterprise-name').fill(enterprise.name);
  await page.getByTestId('scenario-credit-code').fill(enterprise.creditCode);
  await page.getByTestId('scenario-industry').selectOption('C29');
  await page.getByTestId('scenario-region').selectOption('黄岛区');
}
