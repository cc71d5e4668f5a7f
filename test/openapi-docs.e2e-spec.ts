import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert } from 'openapi-to-postmanv2';
import { createTestApp, TestApp } from '@app/testing';

const DOCS = join(__dirname, '..', 'docs');
const OPENAPI = join(DOCS, 'openapi.json');
const POSTMAN = join(DOCS, 'postman_collection.json');
/** `npm run docs:export` sets this to rewrite the committed documents instead of comparing. */
const UPDATE = process.env.UPDATE_DOCS === '1';

type Operation = { summary?: string; security?: unknown[]; responses: Record<string, unknown> };

function toPostman(spec: object): Promise<unknown> {
  return new Promise((resolve, reject) =>
    convert(
      { type: 'json', data: spec },
      { folderStrategy: 'Tags', parametersResolution: 'Schema', exampleParametersResolution: 'Schema' },
      (error, result) => {
        if (error || !result?.result || !result.output)
          return reject(error instanceof Error ? error : new Error(result?.reason ?? 'conversion failed'));
        resolve(result.output[0].data);
      },
    ),
  );
}

/** The collection minus the ids the converter makes up afresh on every run. */
function stable(collection: unknown): unknown {
  return JSON.parse(JSON.stringify(collection), (key: string, value: unknown) =>
    key === 'id' || key === '_postman_id' ? undefined : value,
  );
}

describe('OpenAPI document (/docs-json)', () => {
  let t: TestApp;
  let spec: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await createTestApp();
    spec = (await t.http.get('/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives every operation a summary and documents a successful response', () => {
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect([`${method} ${path}`, typeof operation.summary]).toEqual([`${method} ${path}`, 'string']);
        expect(Object.keys(operation.responses).some((status) => status.startsWith('2'))).toBe(true);
      }
    }
  });

  it('matches the committed docs/openapi.json and Postman collection (run `npm run docs:export` after API changes)', async () => {
    const postman = stable(await toPostman(structuredClone(spec)));
    if (UPDATE) {
      mkdirSync(DOCS, { recursive: true });
      writeFileSync(OPENAPI, `${JSON.stringify(spec, null, 2)}\n`);
      writeFileSync(POSTMAN, `${JSON.stringify(postman, null, 2)}\n`);
    }
    expect(existsSync(OPENAPI)).toBe(true);
    expect(JSON.parse(readFileSync(OPENAPI, 'utf8'))).toEqual(spec);
    expect(JSON.parse(readFileSync(POSTMAN, 'utf8'))).toEqual(postman);
  });
});
