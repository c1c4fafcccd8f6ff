"""The page's inline style sheet and script (no network: nothing is fetched).

Why plain JavaScript over the DOM the server wrote, and no data in the script: every
value is in escaped HTML attributes, so no report text ever lands inside ``<script>``
(where ``</script>`` in a name would end it). The script only toggles classes.
"""

from __future__ import annotations

CSS = """
:root{--bg:#fafaf7;--fg:#1d1d1f;--muted:#6b6b70;--line:#dcdcd6;--panel:#fff;
--per:#dbe8ff;--per-b:#3b6fd8;--org:#ffe3c7;--org-b:#d07010;--loc:#d9f2dc;--loc-b:#2e8b3e;
--misc:#eadcf8;--misc-b:#8a4fc9;--oth:#e8e8e8;--oth-b:#777;--sel:#ffd84d}
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;background:var(--bg);color:var(--fg);
font:15px/1.55 system-ui,"DejaVu Sans","Liberation Sans",Arial,sans-serif}
[lang=ar]{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Scheherazade New","DejaVu Sans",Arial,serif;
font-size:1.12em;line-height:1.85}
header{padding:.5rem 1rem;border-bottom:1px solid var(--line);background:var(--panel)}
h1{font-size:1.15rem;margin:0 0 .15rem}
.counts{margin:0;color:var(--muted);font-size:.9rem}
.messages{margin:.2rem 0 0;padding-left:1.2rem;color:#8a5a00;font-size:.85rem}
.bar{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin-top:.35rem;font-size:.85rem}
.legend mark{margin-right:.3rem}
#selection{color:var(--muted)}
#selection b{color:var(--fg)}
main{flex:1;min-height:0;display:flex;flex-direction:column}
#reports{flex:3;min-height:8rem;overflow:auto;padding:0 1rem}
#entities{flex:2;min-height:6rem;overflow:auto;border-top:3px double var(--line);padding:0 1rem .5rem;background:var(--panel)}
.cols,.row{display:grid;grid-template-columns:minmax(0,1fr) 5.2rem minmax(0,1fr);gap:.8rem}
.cols{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);
font-weight:600;padding:.3rem 0;font-size:.85rem;color:var(--muted)}
.cols .ar{text-align:right}
.row{border-bottom:1px solid var(--line);padding:.35rem 0;content-visibility:auto;contain-intrinsic-size:auto 4rem}
.side{min-width:0;overflow-wrap:anywhere}
.side.ar{text-align:right}
.s{margin-inline-end:.25rem}
.sn{display:inline-block;min-width:1.6rem;font-size:.7rem;color:var(--muted);font-family:system-ui,sans-serif;
vertical-align:.15em;text-align:center}
.link{text-align:center;font-size:.78rem;color:var(--muted);padding-top:.2rem;font-variant-numeric:tabular-nums}
.link b{display:block;font-size:.9rem;color:var(--fg)}
.link.weak b{color:#b3261e}
.row.unmatched{background:repeating-linear-gradient(-45deg,transparent 0 8px,#f1efe6 8px 16px)}
.row.unmatched .link{color:#8a5a00;font-weight:600}
.empty{color:var(--muted);font-style:italic;font-size:.85rem;align-self:center}
mark{border-radius:3px;padding:0 .1em;color:inherit;cursor:pointer;border-bottom:2px solid}
.t-PER{background:var(--per);border-color:var(--per-b)}
.t-ORG{background:var(--org);border-color:var(--org-b)}
.t-LOC{background:var(--loc);border-color:var(--loc-b)}
.t-MISC{background:var(--misc);border-color:var(--misc-b)}
.t-other{background:var(--oth);border-color:var(--oth-b)}
mark.hover{outline:2px dashed #555}
mark.sel{background:var(--sel);outline:2px solid #000;border-color:#000}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid var(--line);padding:.25rem .45rem;vertical-align:top;text-align:start}
thead th{position:sticky;top:0;background:var(--panel);z-index:1;cursor:pointer;white-space:nowrap;
border-bottom:2px solid var(--line);user-select:none}
thead th.nosort{cursor:default}
th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr{cursor:pointer}
tbody tr:hover{background:#f4f4ef}
tbody tr.sel{background:#fff4c2}
tr.low td.conf{color:#b3261e;font-weight:600}
.only-low tbody tr:not(.low),.only-one tbody tr:not(.oneside){display:none}
.badge{display:inline-block;font-size:.7rem;line-height:1.3;padding:0 .35em;border-radius:.6em;
background:#eee;color:#444;margin-inline-start:.3em;white-space:nowrap;font-family:system-ui,sans-serif}
.badge.one{background:#fde7c8;color:#7a4300}
.badge.low{background:#f9d6d3;color:#8c1d18}
.sugg{font-style:italic;color:#5a5a60;border-bottom:1px dashed #999}
.none{color:var(--muted)}
.var{display:inline-block;color:#444;background:#f0f0eb;border-radius:3px;padding:0 .3em;margin:0 .3em .15em 0}
details summary{cursor:pointer;color:var(--muted)}
details ul{margin:.2rem 0;padding-inline-start:1.1rem}
.ev{font-size:.8rem}
#test-result{display:none}
.single .row,.single .cols{grid-template-columns:minmax(0,1fr);max-width:70rem}
.single .link,.single .empty{display:none}
.single .row.unmatched{background:none}
"""

JS = """
(function () {
  "use strict";
  var t0 = performance.now();
  var groups = {};
  var marks = document.querySelectorAll("mark.m");
  for (var i = 0; i < marks.length; i++) {
    var e = marks[i].getAttribute("data-e");
    (groups[e] || (groups[e] = [])).push(marks[i]);
  }
  var rows = {};
  var trs = document.querySelectorAll("#ents tbody tr");
  for (var j = 0; j < trs.length; j++) { rows[trs[j].getAttribute("data-e")] = trs[j]; }
  var info = document.getElementById("selection");
  var selected = null;

  function mark(e, cls, on) {
    var g = groups[e] || [];
    for (var k = 0; k < g.length; k++) { g[k].classList.toggle(cls, on); }
    if (rows[e]) { rows[e].classList.toggle(cls, on); }
  }
  function select(e, from) {
    if (selected !== null) { mark(selected, "sel", false); }
    if (e === selected || e === null) { selected = null; info.textContent = "Click a name to mark all its mentions in both reports."; return; }
    selected = e;
    mark(e, "sel", true);
    var g = groups[e] || [], en = 0, ar = 0;
    for (var k = 0; k < g.length; k++) { if (g[k].closest(".ar")) { ar++; } else { en++; } }
    var row = rows[e];
    info.textContent = "";
    var b = document.createElement("b");
    b.textContent = row ? row.getAttribute("data-label") : e;
    b.setAttribute("dir", "auto");
    info.appendChild(b);
    info.appendChild(document.createTextNode(" \\u2014 " + en + " English, " + ar + " Arabic mentions marked"));
    if (from !== "table" && row) { row.scrollIntoView({block: "nearest"}); }
    if (from === "table" && g.length) { g[0].scrollIntoView({block: "center"}); }
  }
  document.addEventListener("click", function (ev) {
    var m = ev.target.closest("mark.m");
    if (m) { select(m.getAttribute("data-e"), "text"); return; }
    var tr = ev.target.closest("#ents tbody tr");
    if (tr && !ev.target.closest("summary")) { select(tr.getAttribute("data-e"), "table"); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { select(null); }
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark.m")) { ev.target.click(); }
  });
  function hover(ev, on) {
    var m = ev.target.closest && ev.target.closest("mark.m");
    if (m) { mark(m.getAttribute("data-e"), "hover", on); }
  }
  document.addEventListener("mouseover", function (ev) { hover(ev, true); });
  document.addEventListener("mouseout", function (ev) { hover(ev, false); });

  var ths = document.querySelectorAll("#ents thead th[data-col]");
  for (var h = 0; h < ths.length; h++) {
    ths[h].addEventListener("click", function () {
      var th = this, col = +th.getAttribute("data-col"), num = th.hasAttribute("data-num");
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      for (var x = 0; x < ths.length; x++) { ths[x].removeAttribute("aria-sort"); }
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      var body = document.querySelector("#ents tbody");
      var list = Array.prototype.slice.call(body.rows);
      list.sort(function (a, b) {
        var va = a.cells[col].getAttribute("data-v"), vb = b.cells[col].getAttribute("data-v");
        if (num) { return dir * (parseFloat(va) - parseFloat(vb)); }
        return dir * va.localeCompare(vb);
      });
      var frag = document.createDocumentFragment();
      for (var y = 0; y < list.length; y++) { frag.appendChild(list[y]); }
      body.appendChild(frag);
    });
  }
  function filter(id, cls) {
    var box = document.getElementById(id);
    box.addEventListener("change", function () { document.body.classList.toggle(cls, box.checked); });
  }
  filter("only-low", "only-low");
  filter("only-one", "only-one");

  if (location.hash === "#test") {
    var first = null;
    for (var q = 0; q < marks.length && first === null; q++) {
      var g = groups[marks[q].getAttribute("data-e")];
      var mine = !!marks[q].closest(".ar");
      for (var r = 0; r < g.length; r++) { if (!!g[r].closest(".ar") !== mine) { first = marks[q]; break; } }
    }
    var result = {rows: document.querySelectorAll(".row").length, marks: marks.length,
      entities: trs.length, clicked: null, marked_en: 0, marked_ar: 0, counterpart: false};
    if (first) {
      first.click();
      result.clicked = first.getAttribute("data-e");
      var side = first.closest(".ar") ? "ar" : "en";
      var sel = document.querySelectorAll("mark.sel");
      for (var s = 0; s < sel.length; s++) {
        var isAr = !!sel[s].closest(".ar");
        if (isAr) { result.marked_ar++; } else { result.marked_en++; }
        if ((isAr ? "ar" : "en") !== side) { result.counterpart = true; }
      }
      result.row_selected = !!(rows[result.clicked] && rows[result.clicked].classList.contains("sel"));
    }
    var conf = document.querySelector('#ents thead th[data-col="6"]');
    conf.click();
    var values = Array.prototype.map.call(document.querySelectorAll("#ents tbody tr"), function (tr) {
      return parseFloat(tr.cells[6].getAttribute("data-v")); });
    result.sorted = values.every(function (v, n) { return n === 0 || values[n - 1] <= v; });
    var low = document.getElementById("only-low");
    low.checked = true;
    low.dispatchEvent(new Event("change"));
    result.low_shown = Array.prototype.filter.call(document.querySelectorAll("#ents tbody tr"), function (tr) {
      return getComputedStyle(tr).display !== "none"; }).length;
    low.checked = false;
    low.dispatchEvent(new Event("change"));
    result.ms = Math.round(performance.now());
    result.script_ms = Math.round(performance.now() - t0);
    document.getElementById("test-result").textContent = JSON.stringify(result);
  }
})();
"""
