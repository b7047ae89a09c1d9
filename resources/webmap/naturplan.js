/* naturplan's web map: styled GeoJSON layers, popups and tooltips built as text.
 *
 * Every attribute value reaches the page through textContent, never innerHTML, so a value
 * such as <script>…</script> or "><img src=x onerror=…> from a source file is shown as the
 * text it is and never runs. The data arrive as JSON inside the page (no requests).
 * Written for naturplan (issue 10); needs only Leaflet.
 */
"use strict";

var naturplan = (function () {
  function symbolStyle(symbol, opacity) {
    var style = {
      color: symbol.outline,
      weight: symbol.weight,
      opacity: symbol.stroke ? opacity : 0,
      fillColor: symbol.fill,
      fillOpacity: symbol.filled ? symbol.fillOpacity * opacity : 0,
      stroke: symbol.stroke,
      fill: true
    };
    if (symbol.dash) {
      style.dashArray = symbol.dash;
    }
    return style;
  }

  function featureStyle(config, feature) {
    var value = config.field ? feature.properties[config.field] : undefined;
    var symbol = config.classes[String(value)] || config.symbol;
    return symbolStyle(symbol, config.opacity);
  }

  function row(table, label, value) {
    var tr = document.createElement("tr");
    var th = document.createElement("th");
    var td = document.createElement("td");
    th.textContent = label;
    td.textContent = String(value);
    tr.appendChild(th);
    tr.appendChild(td);
    table.appendChild(tr);
  }

  function popupContent(config, properties) {
    var box = document.createElement("div");
    box.className = "np-popup";
    var title = document.createElement("div");
    title.className = "np-popup-title";
    title.textContent = config.title;
    box.appendChild(title);
    var table = document.createElement("table");
    config.fields.forEach(function (field) {
      var value = properties[field[0]];
      if (value !== null && value !== undefined && value !== "") {
        row(table, field[1], value);
      }
    });
    box.appendChild(table);
    return box;
  }

  function tooltipContent(config, properties) {
    var span = document.createElement("span");
    var value = properties[config.tooltip];
    span.textContent = value === null || value === undefined ? config.title : String(value);
    return span;
  }

  /* A Leaflet GeoJSON layer for one naturplan layer. */
  function layer(config, data) {
    var result = L.geoJSON(data, {
      style: function (feature) { return featureStyle(config, feature); },
      /* Points (addresses) as small circles: Leaflet's default marker is an image file,
         which a page that works offline does not have. */
      pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, {radius: 4}); },
      onEachFeature: function (feature, item) {
        item.bindPopup(function () { return popupContent(config, feature.properties); },
                       {maxWidth: 360});
        if (config.tooltip) {
          item.bindTooltip(function () { return tooltipContent(config, feature.properties); },
                           {sticky: true});
        }
      }
    });
    result.naturplan = config;
    return result;
  }

  /* A box in a corner of the map; html was escaped where it was made. */
  function box(map, position, className, html) {
    var control = L.control({position: position});
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "np-box " + className);
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    return control;
  }

  return {layer: layer, box: box, style: featureStyle};
})();
