// Stars tapped before the app has started: shown pressed at once and
// queued in localStorage ("companion/pending-stars"); the app saves them in
// the agenda when it starts (app/ui/taps.go) and then marks the page
// <html data-app="ready">, after which its own buttons answer. (data-taps
// says this script is listening.)
document.documentElement.dataset.taps = "queued";
document.addEventListener("click", (e) => {
  const b = e.target.closest && e.target.closest("button.star[data-key]");
  if (!b || document.documentElement.dataset.app === "ready") return;
  e.preventDefault();
  e.stopImmediatePropagation();
  const k = b.dataset.key, on = b.getAttribute("aria-pressed") !== "true";
  const c = (b.closest("[data-conf]") || b).dataset.conf || "";
  for (const x of document.querySelectorAll("button.star[data-key]")) {
    if (x.dataset.key !== k) continue;
    x.setAttribute("aria-pressed", on);
    x.textContent = x.textContent.replace(on ? "☆" : "★", on ? "★" : "☆");
  }
  let q;
  try { q = JSON.parse(localStorage.getItem("companion/pending-stars")); } catch (_) {}
  q = (Array.isArray(q) ? q : []).filter((t) => t.conf !== c || t.key !== k);
  q.push({ conf: c, key: k, on });
  try { localStorage.setItem("companion/pending-stars", JSON.stringify(q)); } catch (_) {}
}, true);
