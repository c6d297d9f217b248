/**
 * The report as PDF, printed by headless Chromium (playwright-core driving Debian's chromium) from
 * the HTML page, with the handling line in every page's header and footer. Each print gets a new,
 * empty profile that is removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { escapeHtml } from '../escape-html.ts';
import type { ReportModel } from '../types.ts';
import { renderHtml } from './html.ts';

/** Where Chromium is, unless ARIADNE_CHROMIUM says otherwise. */
export const CHROMIUM_PATH = process.env.ARIADNE_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium's flags: no GPU, no sandbox (containers), nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The header and footer templates: the handling line, and page numbers below. */
export function pageTemplates(model: ReportModel): { headerTemplate: string; footerTemplate: string } {
  const line = escapeHtml(model.meta.handlingText);
  const style = 'font-size:8px;width:100%;text-align:center;color:#900;font-family:Arial,sans-serif;';
  return {
    headerTemplate: `<div style="${style}"><b>${line}</b></div>`,
    footerTemplate: `<div style="${style}"><b>${line}</b> - page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
  };
}

/** Prints the report to PDF bytes. */
export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const profile = await mkdtemp(join(tmpdir(), 'ariadne-report-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
  });
  try {
    const page = await context.newPage();
    await page.setContent(renderHtml(model, { pageFrame: false }), { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      ...pageTemplates(model),
      margin: { top: '18mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
