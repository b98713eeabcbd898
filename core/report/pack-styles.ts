/**
 * The pack's styles, inline so the document stands alone: readable on screen, A4 in print with
 * each part on a new page, colours kept in print (marks and stale approvals carry words too).
 */
export const PACK_STYLES = `
*{box-sizing:border-box}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;max-width:960px;margin:0 auto;padding:32px}
h1{font-size:28px;margin:4px 0 8px}h2{font-size:20px;border-bottom:2px solid #1f2937;padding-bottom:4px;margin-top:32px}h3{font-size:16px;margin:16px 0 4px}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;font-weight:700;color:#374151;margin:0}
.muted{color:#4b5563}.warning{background:#fff4d6;border-left:4px solid #9a6700;padding:8px 12px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:16px 0}.facts dt{font-weight:600}.facts dd{margin:0}
.hash-label{font-weight:600;margin:16px 0 0}.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;word-break:break-all;background:#f3f4f6;padding:8px;border-radius:6px;margin:4px 0}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d1d5db;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f3f4f6}
tr.stale td{background:#fde8e6}tr.sev-error td:first-child{color:#b42318;font-weight:700}tr.sev-warning td:first-child{color:#9a6700;font-weight:700}
.canvas{margin:0;text-align:center;overflow:auto;border:1px solid #d1d5db;border-radius:8px;padding:8px}.canvas svg{max-width:100%;height:auto}
.steps{padding-left:0;list-style:none}.step{border-left:3px solid #d1d5db;padding:2px 0 2px 12px;margin:8px 0;break-inside:avoid}.step p{margin:2px 0}.step ul{margin:2px 0;padding-left:20px}
.proof{break-inside:avoid-page}.proof-person{border:1px solid #d1d5db;border-radius:8px;padding:8px 12px;margin:8px 0;break-inside:avoid}
.proof-person dl{margin:0}.proof-person dt{font-weight:600;margin-top:4px}.proof-person dd{margin:0}.proof-text{white-space:pre-wrap}
.proof-frame{width:100%;height:560px;border:1px solid #e5e7eb;background:#fff}.failed{color:#b42318}
.tests{list-style:none;padding:0}.tests li{margin:4px 0}.tests .fail strong{color:#b42318}.tests .pass strong{color:#1a7f37}.tests pre{white-space:pre-wrap;background:#f3f4f6;padding:8px}
footer{margin-top:32px;border-top:1px solid #d1d5db;padding-top:8px;font-size:12px;word-break:break-all}
a{color:#1d4ed8}
.signatures{display:grid;grid-template-columns:1fr 1fr;gap:32px;margin-top:40px}.signature{border-top:1px solid #111827;padding-top:4px;font-size:12px;color:#374151}
@page{size:A4;margin:16mm}
@media print{body{padding:0;max-width:none;font-size:12px}.part{break-before:page}.part-approvals{break-before:auto}.contents{break-after:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.canvas{overflow:visible;border:none}}
`;
