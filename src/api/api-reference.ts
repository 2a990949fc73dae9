/**
 * The API reference page at /api/docs: plain, accessible HTML rendered on the server from the
 * OpenAPI document (no scripts, so it passes the CSP and axe). Swagger UI was tried and failed
 * WCAG 2.2 AA (contrast, labels, nested controls, target size).
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { ERROR_CODES, type ErrorCode } from '../domain/errors.ts';
import { STATUS_OF } from './errors.ts';

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A schema as JSON, with $refs shown as links to the schema's section. */
function schemaHtml(schema: unknown): string {
  const json = escapeHtml(JSON.stringify(schema, null, 2));
  return `<pre>${json.replace(
    /&quot;#\/components\/schemas\/([A-Za-z0-9_]+)&quot;/g,
    (_m, name: string) => `&quot;<a href="#schema-${slug(name)}">${name}</a>&quot;`,
  )}</pre>`;
}

function operationHtml(method: string, path: string, op: OpenAPIV3_1.OperationObject): string {
  const id = `op-${method}-${slug(path)}`;
  const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const body = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']
    ?.schema;
  const responses = Object.entries(op.responses ?? {}) as [string, OpenAPIV3_1.ResponseObject][];
  return `<section class="op" aria-labelledby="${id}">
  <h3 id="${id}"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  ${op.summary ? `<p>${escapeHtml(op.summary)}</p>` : ''}
  ${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}
  ${
    params.length
      ? `<h4>Parameters</h4><ul>${params
          .map(
            (p) =>
              `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ', required' : ''})</li>`,
          )
          .join('')}</ul>`
      : ''
  }
  ${body ? `<h4>Request body (JSON)</h4>${schemaHtml(body)}` : ''}
  <h4>Responses</h4>
  <ul>${responses
    .map(([status, r]) => {
      const schema = r.content?.['application/json']?.schema;
      const isProblem = Number(status) >= 400;
      return `<li><strong>${escapeHtml(status)}</strong> ${
        isProblem ? '<a href="#errors">problem details</a>' : schema ? '' : escapeHtml(r.description ?? '')
      }${!isProblem && schema ? schemaHtml(schema) : ''}</li>`;
    })
    .join('')}</ul>
</section>`;
}

/** Renders the whole reference page. */
export function renderApiReference(doc: OpenAPIV3_1.Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const tags = [...byTag.keys()];
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const errors = (Object.keys(ERROR_CODES) as ErrorCode[])
    .map(
      (code) =>
        `<tr id="error-${code}"><td><code>${code}</code></td><td>${STATUS_OF[code]}</td><td>${escapeHtml(ERROR_CODES[code])}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caseload API reference</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; color: #1a1b1e; margin: 0; }
  header, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
  a { color: #0b57d0; } a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
  pre { background: #f4f5f7; padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; border-radius: 4px; }
  .op { border-top: 1px solid #d0d4da; padding: .5rem 0; }
  .method { display: inline-block; min-width: 4.5rem; font-family: monospace; color: #fff; background: #2c3e50; padding: 0 .4rem; border-radius: 3px; }
  table { border-collapse: collapse; } th, td { text-align: left; padding: .25rem .75rem .25rem 0; border-bottom: 1px solid #d0d4da; vertical-align: top; }
  nav ul { columns: 2; } nav li { padding: .2rem 0; } nav a { display: inline-block; min-height: 24px; }
</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><h1>Caseload API reference</h1>
<p>Version ${escapeHtml(doc.info.version)}. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p></header>
<main id="main">
<p>Sign in with <code>POST /api/auth/login</code>; the session lives in an HttpOnly cookie, and every write
must carry the session's <code>x-csrf-token</code> header. Errors are <code>application/problem+json</code>
with a stable <code>code</code> (see <a href="#errors">error codes</a>).</p>
<nav aria-label="Contents"><h2>Contents</h2><ul>
${tags.map((tag) => `<li><a href="#tag-${slug(tag)}">${escapeHtml(tag)}</a></li>`).join('')}
<li><a href="#errors">Error codes</a></li><li><a href="#schemas">Schemas</a></li></ul></nav>
${tags.map((tag) => `<section aria-labelledby="tag-${slug(tag)}"><h2 id="tag-${slug(tag)}">${escapeHtml(tag)}</h2>${(byTag.get(tag) ?? []).join('\n')}</section>`).join('\n')}
<section aria-labelledby="errors"><h2 id="errors">Error codes</h2>
<table><caption class="skip">Error codes</caption><thead><tr><th scope="col">code</th><th scope="col">status</th><th scope="col">meaning</th></tr></thead><tbody>${errors}</tbody></table></section>
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>
${schemas.map(([name, schema]) => `<h3 id="schema-${slug(name)}">${escapeHtml(name)}</h3>${schemaHtml(schema)}`).join('\n')}
</section>
</main>
</body>
</html>`;
}
