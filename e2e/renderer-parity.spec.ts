import { expect, test, type Page } from '@playwright/test';
import { WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// The script tag renders <SignupForm> with Preact through src/embed/react-on-preact.ts, the React
// page with React: the same source must give the same markup. Both pages get one definition with
// every kind of data field, and every element's attributes are compared, ready and after a
// refused submit. Left aside: the React form's <style> (the script tag adopts its sheet), its
// hidden inputs for a post without JavaScript (no script-tag form is ever posted without its
// script: src/embed/no-posted-form.ts), the `part` names the script tag adds, and the id each
// renderer makes up (compared as ID).
const DEFINITION = {
  preferences: [{ id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }] }, { id: 5, label: 'Events near you' }],
  consent: { text: 'Yes, send me the newsletter.', version: 'parity1' },
  fields: [
    { name: 'FIRSTNAME', label: 'First name', type: 'String', required: true },
    { name: 'AGE', label: 'Age', type: 'Numeric', required: false },
    { name: 'BIRTHDAY', label: 'Birthday', type: 'Date', required: false },
    { name: 'OVER16', label: 'I am 16 or over', type: 'Boolean', required: true },
  ],
  doubleOptIn: false,
};

/** Each element of the form, in document order: its tag and its attributes, the form's id as ID. */
async function markup(page: Page): Promise<string[]> {
  return widgetRoot(page).evaluate((root) => {
    const id = root.querySelector('.dd-signup__status')!.id;
    const skip = (element: Element) => element.localName === 'style' || (element.localName === 'input' && element.getAttribute('type') === 'hidden');
    return [root, ...root.querySelectorAll('*')].filter((element) => !skip(element)).map((element) => {
      const attributes = [...element.attributes].filter(({ name }) => name !== 'part').map(({ name, value }) => `${name}="${value.split(id).join('ID')}"`);
      return `<${element.localName} ${attributes.sort().join(' ')}>`;
    });
  });
}

async function formOn(page: Page, path: string): Promise<void> {
  await page.route('**/api/signup', (route) => (route.request().method() === 'GET' ? route.fulfill({ json: DEFINITION }) : route.continue()));
  await page.goto(path);
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
}

test('Preact (the script tag) and React render the same attributes for every element, ready and after a refused submit', async ({ browser }) => {
  const pages = await Promise.all(WIDGET_PAGES.map(async ({ path }) => {
    const page = await browser.newPage();
    await formOn(page, path);
    return page;
  }));
  const [preact, react] = pages as [Page, Page];
  const ready = await markup(preact);
  expect(ready.length).toBeGreaterThan(30);
  expect(ready.find((element) => element.startsWith('<input') && element.includes('type="email"'))).toContain('spellcheck="false"');
  expect(ready).toEqual(await markup(react));

  for (const page of pages) {
    await page.getByLabel('Email address').fill('ann@');
    await page.getByLabel('Age (optional)').fill('forty');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
  }
  const refused = await markup(preact);
  expect(refused.some((element) => element.includes('aria-invalid="true"'))).toBe(true);
  expect(refused).toEqual(await markup(react));
  await Promise.all(pages.map((page) => page.close()));
});
