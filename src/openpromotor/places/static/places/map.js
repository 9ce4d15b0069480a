/* Open Promotor maps (Leaflet, loaded before this script): every element with a data-map
 * attribute becomes a map. Everything comes from data attributes, so no inline script is needed.
 *
 * data-map="browse": the clustered map of published places.
 *   data-tile-url, data-attribution   the tile layer
 *   data-clusters-url                 GET ?bbox=minLon,minLat,maxLon,maxLat&zoom=Z&<filters>
 *                                     answers a GeoJSON FeatureCollection of clusters
 *                                     (properties.cluster, properties.count) and single places
 *   data-fit-bbox                     the area shown first, unless data-lat, data-lon, data-zoom
 *   data-labels                       JSON {building_type|occupancy|availability: {value: label}}
 *   data-filters-form, data-list-link, data-status, data-places   ids of the filter form, the
 *                                     link to the list, the status line and the list of places
 *   data-text-cluster, -summary, -grouped, -error   texts; "{count}" is replaced
 *
 * data-map="picker": a draggable pin that fills in a form's latitude and longitude; clicking
 * the map moves it, and so do the arrow keys when the pin has focus.
 *   data-tile-url, data-attribution, data-fit-bbox (optional; Belgium while no location is set)
 *   data-latitude-input, data-longitude-input   ids of the inputs (plain number fields, so the
 *                                     form works without JavaScript; edits move the pin)
 *   data-text-pin                     the pin's accessible name (else the map's aria-label)
 *
 * data-map="point": a still map with one marker, e.g. on a place's page.
 *
 * data-map="points": markers with a link each, from a JSON block (json_script) whose id is in
 *   data-points: [{name, url, lat, lon}, …]; e.g. the projects overview.
 *   data-tile-url, data-attribution, data-latitude, data-longitude
 */
(function () {
  "use strict";

  const MAX_LAT = 85.05112878;
  const MAX_LON = 180;
  const MAX_ZOOM = 19;
  const PICKER_ZOOM = 17;
  const POINT_ZOOM = 16;
  const BELGIUM = "2.3,49.4,6.5,51.6";
  const DEBOUNCE_MS = 250;
  const KEY_STEP_PX = 10;
  const POPUP_CLEAR_OF_ZOOM = [56, 12];
  const POPUP_MAX_WIDTH = 300;
  const POPUP_MARGINS = 110; /* the zoom buttons, the popup's padding and a gap on the right */
  const VIEW_PARAMS = ["lat", "lon", "zoom", "bbox", "page"];
  const ARROWS = {
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
  };

  function clamp(value, limit) {
    return Math.min(limit, Math.max(-limit, value));
  }

  function rounded(value, decimals) {
    const factor = 10 ** decimals;
    return Math.round(value * factor) / factor;
  }

  function formatNumber(value) {
    return new Intl.NumberFormat(document.documentElement.lang || undefined).format(value);
  }

  function fillIn(template, count) {
    return template.replace("{count}", formatNumber(count));
  }

  function parseBbox(text) {
    const [minLon, minLat, maxLon, maxLat] = text.split(",").map(Number);
    return L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
  }

  function createMap(element, options) {
    const map = L.map(element, {
      maxBounds: [[-MAX_LAT, -MAX_LON], [MAX_LAT, MAX_LON]],
      maxBoundsViscosity: 1,
      minZoom: 2,
      maxZoom: MAX_ZOOM,
      ...options,
    });
    L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution,
      maxZoom: MAX_ZOOM,
    }).addTo(map);
    return map;
  }

  /* --- The browse map ------------------------------------------------------------------- */

  function initBrowse(element) {
    const data = element.dataset;
    const form = document.getElementById(data.filtersForm);
    const listLink = document.getElementById(data.listLink);
    const status = document.getElementById(data.status);
    const placesList = document.getElementById(data.places);
    const labels = JSON.parse(data.labels);
    const map = createMap(element);
    const markers = L.layerGroup().addTo(map);
    let timer = null;
    let request = null;
    let openPlaceId = null;

    if (data.lat && data.lon && data.zoom) {
      map.setView([Number(data.lat), Number(data.lon)], Number(data.zoom));
    } else {
      map.fitBounds(parseBbox(data.fitBbox));
    }
    foldFiltersOnSmallScreens(form);

    function filterParams() {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        if (value !== "" && !VIEW_PARAMS.includes(name)) params.append(name, value);
      }
      return params;
    }

    function viewBbox() {
      const bounds = map.getBounds();
      const edge = (value, limit) => clamp(rounded(value, 5), limit);
      return [
        edge(bounds.getWest(), MAX_LON),
        edge(bounds.getSouth(), MAX_LAT),
        edge(bounds.getEast(), MAX_LON),
        edge(bounds.getNorth(), MAX_LAT),
      ].join(",");
    }

    function setHidden(name, value) {
      let input = form.querySelector(`input[type="hidden"][name="${name}"]`);
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        form.append(input);
      }
      input.value = value;
    }

    /* The view goes into the page URL, the filter form (kept on submit) and the list link. */
    function rememberView(filters, bbox) {
      const center = map.getCenter().wrap();
      const view = {
        lat: rounded(center.lat, 5),
        lon: rounded(center.lng, 5),
        zoom: map.getZoom(),
      };
      const pageParams = new URLSearchParams(filters);
      for (const [name, value] of Object.entries(view)) {
        pageParams.set(name, value);
        setHidden(name, value);
      }
      history.replaceState(history.state, "", `${location.pathname}?${pageParams}`);
      pageParams.set("bbox", bbox);
      listLink.search = pageParams.toString();
    }

    function load() {
      const filters = filterParams();
      const bbox = viewBbox();
      rememberView(filters, bbox);
      const query = new URLSearchParams(filters);
      query.set("bbox", bbox);
      query.set("zoom", Math.round(map.getZoom()));
      if (request) request.abort();
      request = new AbortController();
      element.dataset.state = "loading";
      fetch(`${data.clustersUrl}?${query}`, {
        signal: request.signal,
        headers: { Accept: "application/geo+json, application/json" },
      })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.json();
        })
        .then(draw)
        .catch((error) => {
          if (error.name === "AbortError") return;
          status.textContent = data.textError;
          element.dataset.state = "error";
        });
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(load, DEBOUNCE_MS);
    }

    /* Redrawing keeps the popup that is open (a popup's auto-pan moves the map, too). */
    function draw(collection) {
      const reopen = openPlaceId;
      markers.clearLayers();
      const singles = [];
      let total = 0;
      let grouped = 0;
      for (const feature of collection.features) {
        const [lon, lat] = feature.geometry.coordinates;
        const properties = feature.properties;
        if (properties.cluster) {
          total += properties.count;
          grouped += properties.count;
          markers.addLayer(clusterMarker(lat, lon, properties.count));
        } else {
          total += 1;
          singles.push(properties);
          const marker = placeMarker(lat, lon, properties).addTo(markers);
          if (properties.id === reopen) marker.openPopup();
        }
      }
      status.textContent = fillIn(data.textSummary, total);
      if (grouped) status.textContent += ` ${fillIn(data.textGrouped, grouped)}`;
      listPlaces(singles);
      element.dataset.state = "loaded";
    }

    function clusterMarker(lat, lon, count) {
      const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
      const label = fillIn(data.textCluster, count);
      const html = document.createElement("span");
      html.textContent = formatNumber(count);
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({ className: "map-cluster", html, iconSize: [size, size] }),
        title: label,
      });
      marker.on("add", () => marker.getElement().setAttribute("aria-label", label));
      marker.on("click", () => map.setView([lat, lon], Math.min(map.getZoom() + 2, MAX_ZOOM)));
      return marker;
    }

    function placeMarker(lat, lon, properties) {
      const marker = L.marker([lat, lon], { title: properties.title, alt: properties.title });
      marker.bindPopup(() => popup(properties), {
        autoPanPaddingTopLeft: POPUP_CLEAR_OF_ZOOM,
        maxWidth: Math.min(POPUP_MAX_WIDTH, map.getSize().x - POPUP_MARGINS),
      });
      marker.on("popupopen", () => {
        openPlaceId = properties.id;
      });
      marker.on("popupclose", () => {
        if (openPlaceId === properties.id) openPlaceId = null;
      });
      return marker;
    }

    function facts(properties) {
      const availability = (properties.availability || []).map(
        (value) => labels.availability[value] || value
      );
      return [
        labels.building_type[properties.building_type],
        properties.floor_area_m2 == null ? "" : `${formatNumber(properties.floor_area_m2)} m²`,
        labels.occupancy[properties.occupancy],
        properties.municipality?.name,
        availability.join(", "),
      ].filter(Boolean);
    }

    function popup(properties) {
      const box = document.createElement("div");
      box.className = "map-popup";
      const title = document.createElement("a");
      title.className = "map-popup-title";
      title.href = properties.url;
      title.textContent = properties.title;
      const details = document.createElement("p");
      details.textContent = facts(properties).join(" · ");
      box.append(title, details);
      return box;
    }

    function listPlaces(singles) {
      singles.sort((a, b) => a.title.localeCompare(b.title));
      placesList.replaceChildren(
        ...singles.map((properties) => {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = properties.url;
          link.textContent = properties.title;
          item.append(link, ` — ${facts(properties).join(" · ")}`);
          return item;
        })
      );
    }

    map.on("moveend", schedule);
    form.addEventListener("change", schedule);
    load();
  }

  /* On a narrow screen the map comes first: fold the filters unless they need attention. */
  function foldFiltersOnSmallScreens(form) {
    const panel = form.closest("details");
    const narrow = window.matchMedia("(max-width: 991.98px)").matches;
    if (panel && narrow && !form.querySelector("[role=alert]")) panel.open = false;
  }

  /* --- The location picker -------------------------------------------------------------- */

  function initPicker(element) {
    const data = element.dataset;
    const latInput = document.getElementById(data.latitudeInput);
    const lonInput = document.getElementById(data.longitudeInput);
    const map = createMap(element);
    let writing = false;

    function readInputs() {
      const lat = Number.parseFloat(latInput.value);
      const lon = Number.parseFloat(lonInput.value);
      const valid = Math.abs(lat) <= MAX_LAT && Math.abs(lon) <= MAX_LON;
      return valid ? L.latLng(lat, lon) : null;
    }

    const start = readInputs();
    if (start) {
      map.setView(start, PICKER_ZOOM);
    } else {
      map.fitBounds(parseBbox(data.fitBbox || BELGIUM));
    }
    const name = data.textPin || element.getAttribute("aria-label");
    const pin = L.marker(start || map.getCenter(), {
      draggable: true,
      autoPan: true,
      title: name,
      alt: name,
      opacity: start ? 1 : 0.6,
    }).addTo(map);

    function place(latlng) {
      const point = L.latLng(clamp(latlng.lat, MAX_LAT), latlng.wrap().lng);
      pin.setLatLng(point).setOpacity(1);
      writing = true;
      for (const [input, value] of [
        [latInput, point.lat],
        [lonInput, point.lng],
      ]) {
        input.value = value.toFixed(6);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      writing = false;
    }

    function follow() {
      const point = readInputs();
      if (writing || !point) return;
      pin.setLatLng(point).setOpacity(1);
      map.panTo(point);
    }

    pin.on("dragend", () => place(pin.getLatLng()));
    map.on("click", (event) => place(event.latlng));
    latInput.addEventListener("change", follow);
    lonInput.addEventListener("change", follow);
    pin.getElement().addEventListener("keydown", (event) => {
      const direction = ARROWS[event.key];
      if (!direction) return;
      event.preventDefault();
      event.stopPropagation();
      const offset = L.point(direction).multiplyBy(KEY_STEP_PX);
      place(map.containerPointToLatLng(map.latLngToContainerPoint(pin.getLatLng()).add(offset)));
      map.panInside(pin.getLatLng());
    });
  }

  /* --- A still map of one place ---------------------------------------------------------- */

  function initPoint(element) {
    const point = L.latLng(Number(element.dataset.latitude), Number(element.dataset.longitude));
    const map = createMap(element, {
      zoomControl: false,
      dragging: false,
      touchZoom: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
    });
    map.setView(point, POINT_ZOOM);
    L.marker(point, { interactive: false, keyboard: false }).addTo(map);
  }

  /* --- A few linked points, e.g. the projects overview -------------------------------------- */

  function initPoints(element) {
    const points = JSON.parse(document.getElementById(element.dataset.points).textContent);
    const map = createMap(element, { scrollWheelZoom: false });
    for (const point of points) {
      const link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      L.marker([point.lat, point.lon], { title: point.name, alt: point.name })
        .bindPopup(link)
        .addTo(map);
    }
    const bounds = points.map((point) => [point.lat, point.lon]);
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
  }

  const INITIALIZERS = {
    browse: initBrowse,
    picker: initPicker,
    point: initPoint,
    points: initPoints,
  };
  for (const element of document.querySelectorAll("[data-map]")) {
    const init = INITIALIZERS[element.dataset.map];
    if (init) init(element);
  }
})();
