/* Renders /openapi.json as a readable reference, offline, with DOM methods only. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function refName(schema) {
    if (!schema) { return ""; }
    if (schema.$ref) { return schema.$ref.split("/").pop(); }
    if (schema.type === "array" && schema.items) { return refName(schema.items) + "[]"; }
    if (schema.anyOf) { return schema.anyOf.map(refName).join(" | "); }
    return schema.type || "";
  }

  function parameterList(params) {
    var dl = el("dl", "params");
    params.forEach(function (p) {
      var dt = el("dt", null, p.name + (p.required ? " (required)" : ""));
      var bits = [p["in"], refName(p.schema)];
      if (p.schema && p.schema.maximum !== undefined) { bits.push("max " + p.schema.maximum); }
      if (p.description) { bits.push(p.description); }
      dl.appendChild(dt);
      dl.appendChild(el("dd", null, bits.filter(Boolean).join(" · ")));
    });
    return dl;
  }

  function operation(path, method, op) {
    var details = el("details", "api-op");
    var summary = el("summary");
    summary.appendChild(el("span", "method method-" + method, method.toUpperCase()));
    summary.appendChild(el("span", "api-path", " " + path));
    if (op.summary) { summary.appendChild(el("span", "meta", " — " + op.summary)); }
    details.appendChild(summary);
    if (op.description) { details.appendChild(el("p", null, op.description)); }
    if (op.parameters && op.parameters.length) {
      details.appendChild(el("h4", null, "Parameters"));
      details.appendChild(parameterList(op.parameters));
    }
    if (op.requestBody && op.requestBody.content) {
      var kinds = Object.keys(op.requestBody.content);
      var schema = op.requestBody.content[kinds[0]].schema;
      details.appendChild(el("p", null, "Body: " + kinds.join(", ") + " " + refName(schema)));
    }
    var codes = Object.keys(op.responses || {});
    details.appendChild(el("p", "meta", "Responses: " + codes.map(function (c) {
      var content = (op.responses[c].content || {})["application/json"];
      return c + (content && content.schema ? " " + refName(content.schema) : "");
    }).join(", ")));
    return details;
  }

  function render(root, spec) {
    root.textContent = "";
    var groups = {};
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method];
        var tag = (op.tags && op.tags[0]) || "other";
        (groups[tag] = groups[tag] || []).push(operation(path, method, op));
      });
    });
    Object.keys(groups).sort().forEach(function (tag) {
      var section = el("section");
      section.appendChild(el("h2", null, tag));
      groups[tag].forEach(function (node) { section.appendChild(node); });
      root.appendChild(section);
    });
    var schemas = (spec.components && spec.components.schemas) || {};
    var section = el("section");
    section.appendChild(el("h2", null, "Schemas"));
    Object.keys(schemas).sort().forEach(function (name) {
      var details = el("details", "api-op");
      details.appendChild(el("summary", "api-path", name));
      var props = schemas[name].properties || {};
      var dl = el("dl", "params");
      Object.keys(props).forEach(function (key) {
        dl.appendChild(el("dt", null, key));
        dl.appendChild(el("dd", null, refName(props[key]) || "any"));
      });
      details.appendChild(dl);
      section.appendChild(details);
    });
    root.appendChild(section);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("api-reference");
    if (!root) { return; }
    fetch(root.getAttribute("data-openapi"), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (spec) { render(root, spec); })
      .catch(function (err) {
        root.textContent = "";
        root.appendChild(el("p", "notice error", "Could not load the API description: " + err.message));
      });
  });
})();
