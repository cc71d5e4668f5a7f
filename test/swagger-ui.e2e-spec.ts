import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestApp, createUser, DEFAULT_PASSWORD, TestApp } from '@app/testing';
import { User } from '../src/users/user.entity';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
// Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser here.
const run = existsSync(CHROMIUM) ? describe : describe.skip;

/** Opens an operation in Swagger UI, presses "Try it out", optionally fills the body, executes it. */
async function execute(
  page: Page,
  operationId: string,
  body?: object,
): Promise<{ status: string; text: string }> {
  const operation = page.locator(`[id$="-${operationId}"]`);
  await operation.locator('.opblock-summary').first().click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  if (body) await operation.locator('textarea.body-param__text').fill(JSON.stringify(body));
  await operation.getByRole('button', { name: 'Execute' }).click();
  const response = operation.locator('.live-responses-table .response').first();
  await response.waitFor();
  return {
    status: (await response.locator('.response-col_status').innerText()).trim(),
    text: await response.locator('.response-col_description pre').first().innerText(),
  };
}

/** QA's path through the docs (README "Using the API docs"): log in, authorize, call a protected route. */
run('Swagger UI in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let user: User;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    user = await createUser(t.dataSource, { name: 'Quality Assurance' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in with Try it out, authorizes with the token, and gets 200 from GET /user', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/docs`);
    await page.locator('.swagger-ui .information-container').waitFor();

    const login = await execute(page, 'AuthController_login', {
      username: user.username,
      password: DEFAULT_PASSWORD,
    });
    expect(login.status).toBe('200');
    const token = (JSON.parse(login.text) as { access_token: string }).access_token;
    expect(token.split('.')).toHaveLength(3);

    await page.locator('button.authorize').first().click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await dialog.locator('input').first().fill(token);
    await dialog.locator('button.modal-btn.authorize').click();
    await dialog.locator('button.btn-done').click();

    const me = await execute(page, 'UsersController_me');
    expect(me.status).toBe('200');
    expect(JSON.parse(me.text)).toMatchObject({
      id: user.id,
      username: user.username,
      name: 'Quality Assurance',
    });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui-get-user.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
