// Prints a self-contained HTML page to an A4 PDF with page numbers. One browser per board, started on the first print;
// the page may not fetch anything (fonts are inlined), so a document never depends on the network.
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';

export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

const FOOTER = `<div style="width:100%;font-size:8pt;text-align:center;color:#444"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export function createPdfPrinter(): PdfPrinter {
  let browser: Promise<Browser> | undefined;
  return {
    async print(html) {
      browser ??= launchChromium();
      const context = await (await browser).newContext();
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: FOOTER,
          margin: { top: '18mm', bottom: '18mm', left: '12mm', right: '12mm' },
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close().catch(() => {});
    },
  };
}
