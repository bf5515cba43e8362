// A self-contained A4 HTML page for Chromium to print: Sarabun inlined as data URLs (no request leaves the page),
// line-height for Thai marks, tables that repeat their header on each page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let fontFaces: string | undefined;

function sarabunFontFaces(): string {
  fontFaces ??= (['thai', 'latin'] as const)
    .flatMap((subset) =>
      ([400, 700] as const).map((weight) => {
        const file = require.resolve(`@fontsource/sarabun/files/sarabun-${subset}-${weight}-normal.woff2`);
        const data = readFileSync(file).toString('base64');
        return `@font-face{font-family:'Sarabun';font-weight:${weight};font-style:normal;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
      }),
    )
    .join('\n');
  return fontFaces;
}

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function printableHtml(title: string, body: string): string {
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
${sarabunFontFaces()}
@page{size:A4;margin:18mm 12mm}
body{font-family:'Sarabun',sans-serif;font-size:10.5pt;line-height:1.6;color:#111}
h1{font-size:15pt;margin:0 0 4pt}
p{margin:0 0 3pt}
table{width:100%;border-collapse:collapse;margin-top:8pt}
th,td{border:0.5pt solid #888;padding:2pt 4pt;vertical-align:top}
th{background:#eee}
thead{display:table-header-group}
tr{break-inside:avoid}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.c{text-align:center}
.total td{font-weight:700;background:#f5f5f5}
.hash{font-size:8pt;word-break:break-all;color:#444}
</style></head><body>
${body}
</body></html>`;
}
