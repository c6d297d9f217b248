/** The report's stylesheet: print-friendly, no web fonts, no external resources. */
export const REPORT_CSS = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 60em; padding: 0 1.5em; }
header.handling, footer.handling { font-weight: bold; text-align: center; border: 1px solid #900; color: #900; padding: 0.2em; margin: 0.5em 0; font-size: 9pt; }
h1 { font-size: 18pt; margin-top: 0.6em; }
h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 1.6em; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin-top: 1.2em; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 9pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: 0.2em; }
figure { margin: 0.8em 0; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-style: italic; font-size: 9pt; }
sup a { text-decoration: none; color: #035; }
ol.citations { font-size: 8pt; }
ol.citations ul { margin: 0; padding-left: 1.2em; }
.meta { color: #333; }
@media print {
  header.handling { position: fixed; top: 0; left: 0; right: 0; margin: 0; background: #fff; }
  footer.handling { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; background: #fff; }
  body { padding-top: 2.5em; padding-bottom: 2.5em; }
}
`;
