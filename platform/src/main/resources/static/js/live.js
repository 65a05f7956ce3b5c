// Live pages: an element with data-live-updates="<stream url>" reloads itself (its hx-get, triggered
// by "changed") whenever the server announces a change on that stream. EventSource reconnects alone.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-live-updates]").forEach((element) => {
    const source = new EventSource(element.dataset.liveUpdates);
    source.addEventListener("changed", () => htmx.trigger(element, "changed"));
  });
});
