/** The report as Markdown, for editing: sections, tables, figures left as notes, citations in the annex. */
import type { Block, Citation, ReportModel } from '../types.ts';
import { citeMarks, moreText, recordText, sentenceText } from './citation-text.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `### ${block.text}`;
    case 'paragraph':
      return block.sentences.map(sentenceText).join(' ');
    case 'list':
      return block.items.map((s) => `- ${sentenceText(s)}`).join('\n');
    case 'figure':
      return `*Figure: ${block.caption}* ${citeMarks(block.cites)} (the figure is drawn in the HTML and PDF versions)`;
    case 'table': {
      const head = `| ${block.columns.map(cell).join(' | ')} | sources |`;
      const rule = `|${block.columns.map(() => ' --- |').join('')} --- |`;
      const rows = block.rows.map((r) => `| ${r.cells.map(cell).join(' | ')} | ${citeMarks(r.cites)} |`);
      return [`*${block.caption}*`, '', head, rule, ...rows].join('\n');
    }
  }
}

function renderCitations(citations: readonly Citation[]): string {
  return citations
    .map((c) =>
      [
        `${c.n}. ${recordText(c.records[0] as (typeof c.records)[number])}`,
        ...c.records.slice(1).map((r) => `   - ${recordText(r)}`),
        ...(c.more ? [`   - ${moreText(c)}`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/** Renders the model as Markdown. */
export function renderMarkdown(model: ReportModel): string {
  const { meta } = model;
  const out = [
    `> **${meta.handlingText}**`,
    '',
    `# ${meta.title}`,
    '',
    `Period ${meta.period.from} to ${meta.period.until}, compared with ${meta.compare.from} to ${meta.compare.until}. ${meta.caseName ? `Case: ${meta.caseName}. ` : ''}Prepared for clearance ${meta.clearance.handling.join(', ')}${meta.clearance.agency ? ` (${meta.clearance.agency})` : ''} on ${meta.generatedAt}${meta.runId ? `; analysis run ${meta.runId}` : ''}.`,
  ];
  model.sections.forEach((section, i) => {
    // Under every heading too: a section copied out of the file keeps its handling code.
    out.push('', `## ${i + 1}. ${section.title}`, '', `*${meta.handlingText}*`, '');
    out.push(section.blocks.map(renderBlock).join('\n\n'));
  });
  out.push('', '### Citations', '', renderCitations(model.citations), '', `> **${meta.handlingText}**`, '');
  return out.join('\n');
}
