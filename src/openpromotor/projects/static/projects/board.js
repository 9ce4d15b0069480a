/* The roadmap board: drag a step card (or a task) onto a phase.
 *
 * Every draggable item names, in data-move-form, the form that does the same without dragging:
 * a card's "Add to phase" form, or a task's hidden "move" form. Dropping fills in that form's
 * phase and submits it, so htmx sends it and swaps the board; the keyboard way and the mouse
 * way go through the same form. After the swap, the library keeps its scroll position and focus
 * returns to the control that had it (else to the status message), without moving the page.
 */
(function () {
  "use strict";

  let dragged = null;
  let focusedId = null;
  let libraryScroll = 0;

  function phaseOf(target) {
    return target instanceof Element ? target.closest("[data-drop-phase]") : null;
  }

  function clearTargets() {
    for (const phase of document.querySelectorAll(".is-drop-target")) {
      phase.classList.remove("is-drop-target");
    }
  }

  document.addEventListener("dragstart", (event) => {
    const item = event.target instanceof Element && event.target.closest("[data-move-form]");
    if (!item) return;
    dragged = item;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.dataset.moveForm);
    item.classList.add("is-dragging");
  });

  document.addEventListener("dragend", () => {
    if (dragged) dragged.classList.remove("is-dragging");
    dragged = null;
    clearTargets();
  });

  document.addEventListener("dragover", (event) => {
    const phase = phaseOf(event.target);
    if (!phase || !dragged) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    phase.classList.add("is-drop-target");
  });

  document.addEventListener("dragleave", (event) => {
    const phase = phaseOf(event.target);
    if (phase && !phase.contains(event.relatedTarget)) phase.classList.remove("is-drop-target");
  });

  document.addEventListener("drop", (event) => {
    const phase = phaseOf(event.target);
    if (!phase || !dragged) return;
    event.preventDefault();
    clearTargets();
    const form = document.getElementById(dragged.dataset.moveForm);
    if (!form) return;
    form.elements.phase.value = phase.dataset.dropPhase;
    form.requestSubmit();
  });

  document.addEventListener("htmx:beforeRequest", () => {
    const library = document.querySelector(".card-library");
    focusedId = document.activeElement ? document.activeElement.id : null;
    libraryScroll = library ? library.scrollTop : 0;
  });

  document.addEventListener("htmx:afterSettle", () => {
    const library = document.querySelector(".card-library");
    if (library) library.scrollTop = libraryScroll;
    const element = focusedId && document.getElementById(focusedId);
    const status = document.getElementById("board-status");
    if (element) {
      element.focus({ preventScroll: true });
    } else if (status) {
      status.setAttribute("tabindex", "-1");
      status.focus({ preventScroll: true });
    }
  });
})();
