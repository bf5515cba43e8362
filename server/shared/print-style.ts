// How a document prints: A4, its margins, Sarabun's sizes, tables that repeat their header on each page. The exported
// PDFs (server/export/printable-html.ts) and the minutes page's print stylesheet use these same rules, so that the
// browser's print preview of the minutes is the exported PDF.
export const PRINT_PAGE_CSS = `@page{size:A4;margin:18mm 12mm}
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
.hash{font-size:8pt;word-break:break-all;color:#444}`;
