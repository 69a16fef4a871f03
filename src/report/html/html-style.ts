/** The HTML report's style sheet: system fonts only, no URLs. Pinned by hash in the page's CSP. */
/** The style sheet's source, inlined as is into the page. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1d232b; --muted: #5b6570; --line: #d7dce1; --bg: #fff; --panel: #f6f7f9;
  --verbatim: #ffb8b0; --near-verbatim: #ffd699; --paraphrase: #b8d4ff; --quote: #bfe8c4; --credit: #1f7a35; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.sub, .note, .hint { color: var(--muted); }
.note, .hint { font-size: 12px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; padding: 0; }
.figures div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.figures dt { font-size: 12px; color: var(--muted); }
.figures dd { margin: 0; font-size: 22px; font-weight: 600; }
.outlets { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
table { border-collapse: collapse; }
.matrix-wrap { max-width: 100%; overflow-x: auto; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 3px 6px; text-align: center; font-size: 12px; }
.matrix th { background: var(--panel); font-weight: 600; max-width: 110px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.matrix th.corner { font-weight: 400; color: var(--muted); }
.matrix td.self.h0 { background: repeating-linear-gradient(45deg, #fff, #fff 3px, #eef0f2 3px, #eef0f2 6px); }
.h0 { background: #fff; } .h1 { background: #fde4d8; } .h2 { background: #fbc4a9; } .h3 { background: #f69a73; } .h4 { background: #e8643f; color: #fff; } .h5 { background: #b8321a; color: #fff; }
.graph { border: 1px solid var(--line); border-radius: 6px; background: #fff; max-width: 100%; height: auto; }
.graph text { font-size: 11px; fill: var(--fg); }
.graph path { stroke-opacity: .8; } .graph .dense path { stroke-opacity: .4; } .e-uncredited { stroke: #b42318; } .e-credited { stroke: #5b6570; } .e-undirected { stroke: #8c96a0; stroke-dasharray: 5 4; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-size: 12px; margin: 6px 0 10px; }
.chip { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; white-space: nowrap; }
.k-verbatim { background: var(--verbatim); } .k-near-verbatim { background: var(--near-verbatim); } .k-paraphrase { background: var(--paraphrase); } .k-quote { background: var(--quote); }
.credit { outline: 2px dashed var(--credit); outline-offset: 1px; }
.chip.credit { background: #fff; }
.filter { margin: 0 0 8px; } .filter input { font: inherit; padding: 4px 8px; width: 340px; max-width: 100%; border: 1px solid #8c96a0; border-radius: 4px; }
.pairs { width: 100%; }
.pairs th, .pairs td { border-bottom: 1px solid var(--line); padding: 6px; text-align: left; vertical-align: top; }
.pairs th { background: var(--panel); position: sticky; top: 0; z-index: 1; }
.pairs td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pairs .doc .id, .side .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 11px; color: var(--muted); }
.pairs .doc .title { font-size: 12px; color: var(--muted); }
.rel { font-weight: 600; } .rel-syndication { color: #b42318; } .rel-partial { color: #9a6700; } .rel-shared-quote { color: #1f6f8b; }
.uncredited { color: #b42318; }
button.view { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #8c96a0; border-radius: 4px; background: #fff; cursor: pointer; white-space: nowrap; }
button.view[aria-expanded="true"] { background: var(--fg); color: #fff; }
tr.viewer > td { background: var(--panel); padding: 10px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side { background: #fff; border: 1px solid var(--line); border-radius: 6px; min-width: 0; }
.side-head { padding: 8px 10px; border-bottom: 1px solid var(--line); }
.side-head .role { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.side-head .outlet { font-weight: 600; }
.side-head .title { font-size: 13px; }
.side-head .url { font-size: 11px; word-break: break-all; }
.side .text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; line-height: 1.55; padding: 8px 10px; max-height: 520px; overflow: auto; }
.side mark { color: inherit; cursor: pointer; border-radius: 2px; }
.side mark.active, .plist li.active { box-shadow: 0 0 0 2px var(--fg); }
.plist { font-size: 12px; margin: 8px 0 0; padding-left: 22px; }
.plist li { cursor: pointer; padding: 1px 4px; border-radius: 3px; }
.clusters li { margin-bottom: 8px; }
.clusters blockquote { margin: 4px 0 0 0; padding: 4px 10px; border-left: 3px solid var(--line); color: var(--muted); font-size: 13px; }
details { margin-top: 24px; font-size: 12px; color: var(--muted); }
details pre { white-space: pre-wrap; }
`;
