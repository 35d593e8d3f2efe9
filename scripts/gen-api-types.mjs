#!/usr/bin/env node
// Generates each SPA's `src/api/schema.d.ts` from the committed `openapi/openapi.json`.
// With `--check` it writes nothing and fails when a committed file is stale, so a contract
// change on the backend cannot silently drift away from the front ends' types.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specPath = path.join(root, 'openapi', 'openapi.json');
const targets = ['frontend-consumer', 'frontend-admin'].map((app) =>
  path.join(root, app, 'src', 'api', 'schema.d.ts'),
);
const HEADER =
  '/**\n' +
  ' * Generated from openapi/openapi.json by `npm run gen:api` (openapi-typescript).\n' +
  ' * Do not edit by hand: change the backend, regenerate the document, then rerun.\n' +
  ' */\n\n';

const check = process.argv.includes('--check');
const ast = await openapiTS(pathToFileURL(specPath));
const expected = HEADER + astToString(ast);

let stale = 0;
for (const target of targets) {
  const rel = path.relative(root, target);
  if (check) {
    const actual = await readFile(target, 'utf8').catch(() => null);
    if (actual !== expected) {
      stale += 1;
      console.error(
        actual === null
          ? `gen:api:check: ${rel} is missing.`
          : `gen:api:check: ${rel} does not match openapi/openapi.json.`,
      );
    } else {
      console.log(`gen:api:check: ${rel} is up to date.`);
    }
  } else {
    await writeFile(target, expected);
    console.log(`gen:api: wrote ${rel}`);
  }
}
if (stale > 0) {
  console.error('Run `npm run gen:api` and commit the regenerated schema.d.ts files.');
  process.exit(1);
}
