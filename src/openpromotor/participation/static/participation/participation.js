/* Participation pages: the "Print the plan" button (hidden until this script shows it, since
 * without JavaScript it could do nothing; the browser's own print uses the same stylesheet). */
(function () {
  "use strict";

  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
})();
