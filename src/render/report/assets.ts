/**
 * The report's inline style and script. The script pages through the articles (one page shown at a
 * time) and, when a link points into an article, shows its page and opens it; without the
 * script every page shows, collapsed, and the links still work.
 */
export const REPORT_CSS = `
:root{--ink:#1d1d1f;--muted:#666;--line:#ddd;--bg:#fff;--quote:#e8eef7;--bad:#b00020}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:#f7f7f8}
header h1{margin:0 0 4px;font-size:22px}
header nav a,.pager a{margin-right:12px}
main{padding:0 24px 48px;max-width:1280px}
h2{margin:28px 0 8px;font-size:18px}
h3{margin:20px 0 8px;font-size:16px}
h4{margin:14px 0 6px;font-size:14px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
a{color:#0b57d0}
.note,.meta,.totals,.source{color:var(--muted)}
.note{font-size:13px}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f5}
td.num,th.num{text-align:right}
.scroll{overflow:auto;max-height:70vh}
.matrix td.cell{text-align:center;min-width:4em;font-weight:600}
.matrix td.cell:not(.empty){background:color-mix(in srgb,var(--c) 28%,white)}
.matrix th.treaty{min-width:12em}
.neg{color:var(--bad);font-weight:400;margin-left:4px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px;background:var(--c,#999)}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}
svg.timeline{width:100%;max-width:760px;height:auto}
svg .grid{stroke:#eee}svg .axis{stroke:#999}svg .tick{font-size:11px;fill:var(--muted)}
details.article{border:1px solid var(--line);border-radius:6px;margin:8px 0}
details.article>summary{cursor:pointer;padding:8px 12px;background:#fafafa}
details.article[open]>summary{border-bottom:1px solid var(--line)}
details.article .body{padding:4px 16px 12px}
details.failed>summary{color:var(--bad)}
.n{display:inline-block;min-width:2.5em;color:var(--muted)}
.title{font-weight:600}
.counts{float:right;color:var(--muted);font-size:13px}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:15px;line-height:1.65;max-width:80ch;border-left:3px solid var(--line);padding-left:14px}
mark.q{background:var(--quote);color:inherit;border-radius:2px;font-style:italic}
mark.q.k-term,mark.q.k-title{background:none;font-style:normal;border-bottom:1px dotted var(--muted)}
span.p{background:color-mix(in srgb,var(--c) 22%,transparent);border-bottom:2px solid var(--c)}
span.p.neg{border-bottom-style:dashed;text-decoration:line-through;text-decoration-color:var(--bad)}
b.cue{text-decoration:underline;text-decoration-thickness:2px}
:target{outline:2px solid #0b57d0;outline-offset:2px}
.tag{display:inline-block;padding:0 6px;border-radius:8px;font-size:12px;background:#eceff3}
.tag.k-speech{background:var(--quote)}.tag.bad{background:#fde7ea;color:var(--bad)}
td.quote-text{max-width:50ch}
tr.neg td{color:var(--muted)}
.paged section.page:not(.current){display:none}
`;

export const REPORT_SCRIPT = `
(function () {
  var pages = Array.prototype.slice.call(document.querySelectorAll('section.page'));
  var paged = pages.length > 1;
  if (paged) document.body.classList.add('paged');
  function show(page) { pages.forEach(function (p) { p.classList.toggle('current', p === page); }); }
  function route() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var page = target && target.closest('section.page');
    if (!page) { if (paged && !document.querySelector('section.page.current')) show(pages[0]); return; }
    if (paged) show(page);
    for (var d = target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
    target.scrollIntoView();
  }
  window.addEventListener('hashchange', route);
  route();
})();
`;
