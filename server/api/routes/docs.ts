/**
 * `/api/docs`: a browsable page of the OpenAPI document. A static page and a small script of our
 * own (no CDN, nothing inline, so the `script-src 'self'` policy holds); the script builds the page
 * with DOM calls and text nodes only, never HTML strings.
 */
import { Router } from 'express';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ariadne API</title>
<link rel="stylesheet" href="/api/docs/docs.css">
<script src="/api/docs/docs.js" defer></script>
</head>
<body>
<header><h1>Ariadne API</h1><p id="about">Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p></header>
<main id="routes"></main>
</body>
</html>
`;

const STYLE = `body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 62rem; padding: 1rem 2rem; color: #1d232b; }
h1 { margin-bottom: 0.2rem; }
h2 { border-bottom: 1px solid #d0d7de; margin-top: 2rem; text-transform: capitalize; }
details { border: 1px solid #d0d7de; border-radius: 6px; margin: 0.5rem 0; padding: 0.4rem 0.8rem; }
summary { cursor: pointer; }
.method { display: inline-block; font-weight: 700; min-width: 4.5rem; text-transform: uppercase; }
.get { color: #0a6b3d; } .post { color: #7a4d00; } .patch, .put { color: #3d4fb5; } .delete { color: #a4262c; }
.path { font-family: ui-monospace, monospace; }
.roles { color: #57606a; float: right; font-size: 0.85rem; }
pre { background: #f6f8fa; border-radius: 6px; font-size: 0.8rem; overflow: auto; padding: 0.6rem; }
`;

const SCRIPT = `'use strict';
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
function section(title, value) {
  const box = el('div');
  box.append(el('h4', '', title), el('pre', '', JSON.stringify(value, null, 2)));
  return box;
}
function resolve(doc, schema) {
  const ref = schema && schema.$ref;
  return ref ? { [ref.split('/').pop()]: doc.components.schemas[ref.split('/').pop()] } : schema;
}
function operation(doc, path, method, op) {
  const box = el('details');
  const summary = el('summary');
  const roles = op['x-roles'] ? op['x-roles'].join(', ') : 'no session needed';
  summary.append(el('span', 'method ' + method, method), el('span', 'path', path), ' ', el('span', '', op.summary || ''), el('span', 'roles', roles));
  box.append(summary);
  if (op.parameters && op.parameters.length) box.append(section('Parameters', op.parameters));
  const body = op.requestBody && op.requestBody.content['application/json'];
  if (body) box.append(section('Body', resolve(doc, body.schema)));
  const responses = {};
  for (const [status, r] of Object.entries(op.responses || {})) {
    const content = r.content && Object.values(r.content)[0];
    responses[status] = content ? { description: r.description, schema: resolve(doc, content.schema) } : r.description;
  }
  box.append(section('Responses', responses));
  return box;
}
async function render() {
  const doc = await (await fetch('/api/openapi.json')).json();
  const about = document.getElementById('about');
  about.textContent = doc.info.description + ' Version ' + doc.info.version + ', OpenAPI ' + doc.openapi + '.';
  const groups = new Map();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push(operation(doc, path, method, op));
    }
  }
  const main = document.getElementById('routes');
  for (const [tag, ops] of groups) main.append(el('h2', '', tag), ...ops);
}
render().catch((error) => { document.getElementById('about').textContent = 'Could not load the API document: ' + error; });
`;

/** The documentation page, its stylesheet and its script. */
export function docsRouter(): Router {
  const router = Router();
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/api/docs/docs.js', (_req, res) => {
    res.type('text/javascript').send(SCRIPT);
  });
  router.get('/api/docs/docs.css', (_req, res) => {
    res.type('text/css').send(STYLE);
  });
  return router;
}
