/**
 * The report as one self-contained HTML page: inline SVG figures, an inline stylesheet, no scripts
 * and no external resources. Every piece of data goes through escapeHtml; the figures arrive as SVG
 * built from escaped text.
 */
import { escapeHtml } from '../escape-html.ts';
import type { Block, Citation, ReportModel, Sentence } from '../types.ts';
import { moreText, recordText } from './citation-text.ts';
import { REPORT_CSS } from './html-style.ts';

const marks = (cites: readonly number[]) =>
  cites.map((n) => `<sup><a href="#c${n}">[${n}]</a></sup>`).join('');

const sentence = (s: Sentence) => `${escapeHtml(s.text)}${marks(s.cites)}`;

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${block.sentences.map(sentence).join(' ')}</p>`;
    case 'list':
      return `<ul>${block.items.map((s) => `<li>${sentence(s)}</li>`).join('')}</ul>`;
    case 'figure':
      return `<figure>${block.svg}<figcaption>${escapeHtml(block.caption)}${marks(block.cites)}</figcaption></figure>`;
    case 'table': {
      const head = `<tr>${block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}<th>sources</th></tr>`;
      const rows = block.rows
        .map(
          (r) =>
            `<tr>${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td>${marks(r.cites)}</td></tr>`,
        )
        .join('');
      return `<table><caption>${escapeHtml(block.caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    }
  }
}

function renderCitations(citations: readonly Citation[]): string {
  const items = citations.map((c) => {
    const records = c.records.map((r) => `<li>${escapeHtml(recordText(r))}</li>`).join('');
    const more = c.more ? `<li>${escapeHtml(moreText(c))}</li>` : '';
    return `<li id="c${c.n}"><ul>${records}${more}</ul></li>`;
  });
  return `<h3>Citations</h3><ol class="citations">${items.join('')}</ol>`;
}

/** The body of the report (no page frame), as printed into the PDF and previewed in the app. */
export function renderHtmlBody(model: ReportModel): string {
  const { meta } = model;
  const clearance = `${meta.clearance.handling.join(', ')}${meta.clearance.agency ? ` (${meta.clearance.agency})` : ''}`;
  const parts = [
    `<h1>${escapeHtml(meta.title)}</h1>`,
    `<p class="meta">Period ${escapeHtml(meta.period.from)} to ${escapeHtml(meta.period.until)}, compared with ${escapeHtml(meta.compare.from)} to ${escapeHtml(meta.compare.until)}.${meta.caseName ? ` Case: ${escapeHtml(meta.caseName)}.` : ''} Prepared for clearance ${escapeHtml(clearance)} on ${escapeHtml(meta.generatedAt)}${meta.runId ? `; analysis run ${escapeHtml(meta.runId)}` : ''}.</p>`,
  ];
  model.sections.forEach((section, i) => {
    parts.push(`<section id="${escapeHtml(section.id)}"><h2>${i + 1}. ${escapeHtml(section.title)}</h2>`);
    parts.push(...section.blocks.map(renderBlock));
    if (section.id === 'annex') parts.push(renderCitations(model.citations));
    parts.push('</section>');
  });
  return parts.join('\n');
}

/**
 * The whole page, the stylesheet inline. The handling line stands above and below (repeated on every
 * printed page); `pageFrame: false` leaves it to the PDF's own header and footer.
 */
export function renderHtml(model: ReportModel, options: { pageFrame?: boolean } = {}): string {
  const handling = escapeHtml(model.meta.handlingText);
  const frame = options.pageFrame ?? true;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(model.meta.title)}</title>
<style>${REPORT_CSS}</style></head>
<body>${frame ? `<header class="handling">${handling}</header>` : ''}
${renderHtmlBody(model)}
${frame ? `<footer class="handling">${handling}</footer>` : ''}</body></html>
`;
}
