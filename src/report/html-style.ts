// The styles of the HTML report (one self-contained page: no external sheet).

/** Styles added only to reports with review decisions, so reports without stay as they were. */
export const REVIEW_CSS = `.reviewed{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .4rem;border-radius:4px;background:#e7f4ea;color:#1d5b2c;border:1px solid #b7dcc0}
`;

/** The report's styles: screen, sticky table headers, print. */
export const CSS = `
:root{--ink:#1a1a1a;--muted:#555;--line:#d5dbe3;--soft:#f4f6f9;--accent:#173f72;--accent2:#5b8cc7;--mark:#ffe58a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1080px;margin:0 auto;padding:2rem 1.5rem 3rem}
header{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1rem}
.kicker{margin:0;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.08em}
h1{margin:.2rem 0 .3rem;font-size:1.8rem;color:var(--accent)}
h1 .version{font-size:1rem;font-weight:400;color:var(--muted)}
h2{font-size:1.3rem;color:var(--accent);border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin:0 0 .3rem}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1rem 0 .4rem}
.meta,.stats,caption,.legend,.more,.empty,figcaption{color:var(--muted);font-size:.85rem}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.totals{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.totals div{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.4rem .9rem;min-width:7.5rem}
.totals dt{font-size:.75rem;color:var(--muted)}
.totals dd{margin:0;font-size:1.4rem;font-weight:600;color:var(--accent)}
nav ol{display:flex;flex-wrap:wrap;gap:1.2rem;list-style:none;padding:0;margin:0;font-size:.9rem}
nav a{color:var(--accent)}
table{border-collapse:collapse;width:100%;font-size:.88rem}
caption{text-align:left;caption-side:top;padding:.3rem 0}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
thead th{font-size:.78rem;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.freq th[scope=row]{font-weight:500}
.freq th code{display:block;color:var(--muted);font-size:.72rem;font-weight:400}
.freq .level-1 th{font-weight:650}
td.chart,th.chart{width:30%;min-width:8rem}
.freq tbody th{min-width:17rem}
svg.bar{display:block;width:100%;height:14px}
.bar .track{fill:var(--soft)}
.bar .fill{fill:var(--accent)}
.level-2 .bar .fill,.level-3 .bar .fill,.level-4 .bar .fill{fill:var(--accent2)}
.scroll{overflow:auto;max-width:100%;max-height:80vh}
.breakdown small{color:var(--muted)}
.zero{color:#8a8a8a}
.heat,.breakdown{width:auto}
.heat caption,.breakdown caption{white-space:normal;text-align:left;position:sticky;left:0;max-width:90vw}
.heat tbody th{font-weight:500;white-space:nowrap;max-width:18rem;overflow:hidden;text-overflow:ellipsis}
.breakdown td{min-width:5.5rem}
.heat thead th,.breakdown thead th{position:sticky;top:0;background:#fff;z-index:2}
.heat tbody th,.breakdown tbody th{position:sticky;left:0;background:#fff;z-index:1}
.heat thead th:first-child,.breakdown thead th:first-child{left:0;z-index:3}
.heat td{width:2.6rem;height:2.2rem;text-align:center;border:1px solid #fff;font-variant-numeric:tabular-nums}
.heat thead th+th{text-align:center}
.heat .none{background:#fafbfc}
.heat .diag{background:repeating-linear-gradient(45deg,#eef0f3,#eef0f3 3px,#fff 3px,#fff 6px)}
.idx{display:inline-block;min-width:1.4rem;color:var(--muted);font-variant-numeric:tabular-nums}
.legend{display:flex;align-items:center;gap:.5rem}
.ramp{display:inline-block;width:10rem;height:.7rem;border-radius:2px}
.perspective{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:1rem 1.2rem;margin:1rem 0;break-inside:avoid-page}
.perspective.emergent{border-left-color:#8a5a00}
.badge{display:inline-block;font-size:.7rem;font-weight:600;padding:.1rem .45rem;border-radius:999px;background:var(--soft);color:var(--accent);border:1px solid var(--line);vertical-align:middle}
.emergent h3 .badge:first-of-type{color:#6b4500}
.badge.warn{background:#fff4e0;color:#7a4a00;border-color:#f0d2a0}
.badge.err{background:#fde8e8;color:#9b1c1c;border-color:#f3b4b4}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.4rem 0}
.chips li{font-size:.78rem;background:#e8eef6;color:var(--accent);border-radius:4px;padding:.1rem .5rem}
.quote{margin:.6rem 0;break-inside:avoid}
blockquote{margin:0;padding:.55rem .9rem;background:var(--soft);border-left:3px solid var(--accent2);white-space:pre-line}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
figcaption{margin:.2rem 0 0 .9rem}
.speaker{font-weight:600;color:var(--ink)}
.problems{list-style:none;padding:0}
.problems li{padding:.3rem 0;border-bottom:1px solid var(--line)}
.problems small{color:var(--muted)}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:.6rem}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{margin:15mm}
@media print{body{font-size:10.5pt}main{max-width:none;padding:0}nav{display:none}
h2{break-after:avoid;margin-top:1.4rem}tr,figure{break-inside:avoid}.scroll{overflow:visible}a{color:inherit;text-decoration:none}}
`;
