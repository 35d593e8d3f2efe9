#!/usr/bin/env node
// Keeps both SPAs' code flowing one way, as in bulletproof-react:
//   shared (components, config, lib, api)  →  features  →  app (incl. main.tsx)
// `testing/` helpers may import anything but only tests may import them.
// A feature may not import another feature (compose them in app/routes instead), and
// shared code may not import features or the app. Exits non-zero listing every offence.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apps = ['frontend-consumer', 'frontend-admin'];
// `import x from 'a'`, `export … from 'a'`, `import 'a'` and `import('a')`.
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;

async function* sourceFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

/** 'app', 'feature:<name>', 'testing' or 'shared' for a path relative to src/. */
function layerOf(relative) {
  const [top, name] = relative.split(path.sep);
  if (top === 'app' || top === 'main.tsx') return 'app';
  if (top === 'testing') return 'testing';
  if (top === 'features') return `feature:${name}`;
  return 'shared';
}

const offences = [];
for (const app of apps) {
  const src = path.join(root, app, 'src');
  for await (const file of sourceFiles(src)) {
    const from = layerOf(path.relative(src, file));
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      let target;
      if (spec.startsWith('@/')) target = path.join(src, spec.slice(2));
      else if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
      else continue;
      const to = layerOf(path.relative(src, target));
      const isTest = /\.test\.tsx?$/.test(file);
      const allowed =
        // Test helpers may use anything; only tests and test helpers may use them.
        from === 'testing' ||
        (to === 'testing' ? isTest : false) ||
        (to !== 'testing' &&
          (from === to ||
            to === 'shared' ||
            (from === 'app' && to.startsWith('feature:')) ||
            // Tests of shared code may render the app's own routes.
            (isTest && from === 'shared')));
      if (!allowed) {
        offences.push(`${path.relative(root, file)}: ${from} must not import ${to} ('${spec}')`);
      }
    }
  }
}

if (offences.length > 0) {
  console.error(offences.join('\n'));
  console.error(`lint: ${offences.length} import(s) break the shared → features → app direction.`);
  process.exit(1);
}
console.log('lint: imports follow shared → features → app in both apps.');
