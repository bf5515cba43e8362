// A self-contained A4 HTML page for Chromium to print: Sarabun inlined as data URLs (no request leaves the page),
// line-height for Thai marks, tables that repeat their header on each page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PRINT_PAGE_CSS } from '../shared/print-style.ts';

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
${PRINT_PAGE_CSS}
</style></head><body>
${body}
</body></html>`;
}
