// Sorts the articles table by the column whose heading is pressed; a
// second press reverses the order. Without this script the table stays
// in the order it was written: hardest first, language by language.
(function () {
  "use strict";
  var table = document.querySelector("table[data-sortable]");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-type]"));
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.getAttribute("data-value");
    if (v === null) {
      v = cell.textContent.trim();
    }
    return numeric ? parseFloat(v) : v.toLowerCase();
  }
  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col, numeric), y = key(b, col, numeric);
      var c = numeric ? x - y : x.localeCompare(y);
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  heads.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) {
      button.appendChild(th.firstChild);
    }
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(th); });
  });
})();
