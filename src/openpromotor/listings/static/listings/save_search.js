/*
 * Saving a search from a map page: the map script keeps the filters and the map area shown in
 * the query string of a link (the map's "show as a list" link). When the save form is sent,
 * its hidden "query" field takes that query string, so the saved search holds the map area.
 * Without JavaScript there is no map: the form sends the page's own filters.
 *
 * <form data-query-from="ID of the link"> … <input type="hidden" name="query"> … </form>
 */
(function () {
  "use strict";

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.queryFrom) return;
    const link = document.getElementById(form.dataset.queryFrom);
    if (link && link.search) form.elements.query.value = link.search.slice(1);
  });
})();
