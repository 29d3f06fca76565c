// Side-by-side pages: show the columns named by ?ids=a,b (all when absent), keep the
// checkboxes and the address in step. Material loads pages instantly, so it runs on every
// page switch (document$), and does nothing on a page without a comparison.
(function () {
  function setup() {
    var pick = document.querySelector("[data-refarch-compare]");
    var table = document.querySelector(".refarch-scroll table");
    if (!pick || !table) return;
    var boxes = Array.prototype.slice.call(pick.querySelectorAll("input[type=checkbox]"));
    var ids = boxes.map(function (b) { return b.value; });
    function show(wanted) {
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
      Array.prototype.forEach.call(table.rows, function (row) {
        ids.forEach(function (id, i) {
          var cell = row.cells[i + 1];
          if (cell) cell.style.display = wanted.indexOf(id) >= 0 ? "" : "none";
        });
      });
    }
    var asked = new URLSearchParams(location.search).get("ids");
    var wanted = asked ? asked.split(",").filter(function (id) { return ids.indexOf(id) >= 0; }) : ids;
    show(wanted.length ? wanted : ids);
    boxes.forEach(function (b) {
      b.addEventListener("change", function () {
        var now = boxes.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
        var url = new URL(location.href);
        if (now.length === ids.length) url.searchParams.delete("ids");
        else url.searchParams.set("ids", now.join(","));
        history.replaceState(null, "", url);
        show(now);
      });
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
