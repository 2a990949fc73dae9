#!/usr/bin/env node
// Runs a TypeScript file of this repository through tsx's loader: node bin/run-ts.mjs path/to/file.ts
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.mjs <file.ts> [args…]');
  process.exit(64);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(file)).href);
