// The sizing form (sizing/form/): fills its choices from the precomputed grid and shows the
// engine's answer for the chosen inputs, with the `refarch size` command that prints it.
// Runs on every page switch (Material's document$); does nothing on other pages.
(function () {
  var LABELS = {
    tensor_parallel: "tensor parallel", replicas: "replicas", gpus: "GPUs", systems: "systems",
    racks: "racks", it_kw: "IT kW", facility_kw: "facility kW", cooling: "cooling",
    ttft_ms: "TTFT P99 (ms)", tokens_per_s_per_user: "tokens/s per user",
    bottleneck: "bottleneck", efficiency: "efficiency factors"
  };
  function text(tag, value) { var e = document.createElement(tag); e.textContent = value; return e; }
  function fill(select, values) {
    var keep = select.value;
    select.textContent = "";
    values.forEach(function (v) { var o = text("option", v); o.value = v; select.appendChild(o); });
    if (values.indexOf(keep) >= 0) select.value = keep;
  }
  function setup() {
    var form = document.querySelector("[data-refarch-sizing]");
    var out = document.querySelector("[data-refarch-sizing-answer]");
    if (!form || !out) return;
    var started = performance.now();
    fetch(new URL(form.getAttribute("data-refarch-sizing"), location.href))
      .then(function (r) { return r.json(); })
      .then(function (grid) {
        var f = form.elements;
        fill(f.model, grid.models);
        fill(f.system, grid.systems);
        if (grid.models.indexOf("llama-3.3-70b") >= 0) f.model.value = "llama-3.3-70b";
        if (grid.systems.indexOf("dgx-h100") >= 0) f.system.value = "dgx-h100";
        f.users.value = "1000";
        f.target.value = "interactive";
        function answer() {
          fill(f.precision, grid.precisions[f.system.value] || []);
          var key = [f.model.value, f.system.value, f.precision.value, f.workload.value,
                     f.target.value, f.users.value].join("|");
          var w = grid.workloads[f.workload.value], t = grid.targets[f.target.value];
          var cmd = "refarch size --model " + f.model.value + " --precision " + f.precision.value +
            " --system " + f.system.value + " --users " + f.users.value + " --input-tokens " +
            w.input_tokens + " --output-tokens " + w.output_tokens + " --ttft-ms " + t.ttft_ms +
            " --tokens-per-s " + t.tokens_per_s;
          var r = grid.results[key];
          out.textContent = "";
          if (typeof r === "string") {
            out.appendChild(text("p", "refarch refuses: " + r)).className = "refarch-sizing-refusal";
          } else if (r) {
            var table = document.createElement("table");
            grid.fields.forEach(function (field, i) {
              var row = table.insertRow();
              row.appendChild(text("th", LABELS[field] || field));
              var cell = text("td", String(r[i]));
              cell.setAttribute("data-field", field);
              row.appendChild(cell);
            });
            out.appendChild(table);
          }
          out.appendChild(text("p", "The same answer on the command line:"));
          var pre = document.createElement("pre");
          pre.appendChild(text("code", cmd));
          out.appendChild(pre);
          if (!out.hasAttribute("data-first-answer-ms")) {
            out.setAttribute("data-first-answer-at", String(Math.round(performance.now())));
            out.setAttribute("data-first-answer-ms", String(Math.round(performance.now() - started)));
          }
        }
        form.addEventListener("change", answer);
        answer();
      });
  }
  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
