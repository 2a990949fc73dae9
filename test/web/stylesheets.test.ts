/**
 * The web app's own stylesheets travel with the code that imports them: Vite loads a lazily
 * loaded page's CSS with its chunk. A component that uses a class defined in a stylesheet its
 * page never imports is unstyled whenever no earlier page happened to load that sheet (the
 * caseload settings page once lost the spacing of its sections, defined in the key-dates sheet).
 * So: every class a file uses, from any stylesheet of src/web, must be defined in a sheet that
 * main.tsx loads or that each page showing the file imports (itself or through its static imports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

const WEB = path.join(projectRoot, 'src/web');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, pattern);
    return pattern.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

const sources = new Map(files(WEB, /\.tsx?$/).map((f) => [f, readFileSync(f, 'utf8')]));
/** A sheet without its comments and print rules (a class named only for print styles nothing on screen). */
function screenRules(css: string): string {
  let out = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (let at = out.indexOf('@media print'); at >= 0; at = out.indexOf('@media print')) {
    let i = out.indexOf('{', at);
    for (let depth = 0; i < out.length; i++) {
      if (out[i] === '{') depth++;
      if (out[i] === '}' && --depth === 0) break;
    }
    out = out.slice(0, at) + out.slice(i + 1);
  }
  return out;
}

const classesOfSheet = new Map(
  files(WEB, /\.css$/).map((f) => {
    const css = screenRules(readFileSync(f, 'utf8'));
    return [f, new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1] ?? ''))];
  }),
);
const ourClasses = new Set([...classesOfSheet.values()].flatMap((set) => [...set]));

const resolve = (from: string, spec: string) => path.normalize(path.join(path.dirname(from), spec));

/** A module's static imports of our own code and stylesheets, and the modules it loads lazily. */
function importsOf(file: string) {
  const source = sources.get(file) ?? '';
  const statics = [...source.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?'(\.[^']+)';/gm)].map((m) =>
    resolve(file, m[1] ?? ''),
  );
  const lazies = [...source.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => resolve(file, m[1] ?? ''));
  return { statics, lazies };
}

/** Every module and stylesheet statically reachable from `entry`. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (sources.has(file)) stack.push(...importsOf(file).statics);
  }
  return seen;
}

/** The classes a file names in its className attributes (string literals in them). */
function classesUsed(source: string): Set<string> {
  const used = new Set<string>();
  for (const match of source.matchAll(/className=/g)) {
    let i = (match.index ?? 0) + 'className='.length;
    let text = '';
    if (source[i] === '"') text = source.slice(i + 1, source.indexOf('"', i + 1));
    else if (source[i] === '{') {
      let depth = 0;
      const start = i;
      for (; i < source.length; i++) {
        if (source[i] === '{') depth++;
        if (source[i] === '}' && --depth === 0) break;
      }
      text = [...source.slice(start, i).matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)]
        .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' '))
        .join(' ');
    }
    for (const name of text.split(/\s+/)) if (ourClasses.has(name)) used.add(name);
  }
  return used;
}

describe('the web app’s stylesheets', () => {
  const main = path.join(WEB, 'main.tsx');
  const entries = [main, ...[...sources.keys()].flatMap((f) => importsOf(f).lazies)];
  const global = closure(main);
  const reach = new Map(entries.map((e) => [e, closure(e)]));
  // A chunk loaded lazily from within a page comes after that page, whose sheets are loaded then.
  for (const [file] of sources) {
    for (const lazy of importsOf(file).lazies) {
      const loaders = [...reach].filter(([entry, reached]) => entry !== lazy && reached.has(file));
      if (loaders.length === 1 && loaders[0]?.[0] !== main) {
        for (const sheet of loaders[0]?.[1] ?? []) reach.get(lazy)?.add(sheet);
      }
    }
  }
  const definedIn = (sheets: Iterable<string>) =>
    new Set([...sheets].flatMap((s) => [...(classesOfSheet.get(s) ?? [])]));

  it('are found: pages load lazily and classes are used', () => {
    expect(entries.length).toBeGreaterThan(20);
    expect(ourClasses.size).toBeGreaterThan(100);
  });

  it('define every class a file uses in a sheet that each page showing the file loads', () => {
    const missing: string[] = [];
    for (const [file, source] of sources) {
      const used = classesUsed(source);
      if (used.size === 0) continue;
      for (const [entry, reached] of reach) {
        if (!reached.has(file)) continue;
        const available = definedIn([...global, ...reached]);
        for (const name of used) {
          if (!available.has(name)) {
            missing.push(
              `${path.relative(WEB, file)} uses .${name}, not loaded with ${path.relative(WEB, entry)}`,
            );
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
