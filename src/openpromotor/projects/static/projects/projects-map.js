/* The projects overview map (Leaflet, loaded before this script): one marker per project at the
 * public location of its first building, each with a link to the project's page. The points come
 * from a JSON data block (json_script), so the page needs no inline script; the list next to the
 * map holds the same projects for whoever does not use the map.
 *
 * data-projects-map                 marks the element
 * data-tile-url, data-attribution   the tile layer
 * data-points                       the id of the JSON block: [{name, url, lat, lon}, …]
 */
(function () {
  "use strict";

  for (const element of document.querySelectorAll("[data-projects-map]")) {
    const points = JSON.parse(document.getElementById(element.dataset.points).textContent);
    const map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    const bounds = [];
    for (const point of points) {
      const link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      L.marker([point.lat, point.lon], { title: point.name, alt: point.name })
        .bindPopup(link)
        .addTo(map);
      bounds.push([point.lat, point.lon]);
    }
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
  }
})();
