// The schedule's long lists, drawn in the browser: the day's cards
// (app/ui/daylist.go), the filter panel's chips (app/ui/filters.go) and
// the timetable's blocks (app/ui/timetable.go).
//
// A FOSDEM day is some 470 cards of a dozen elements each. Drawn through
// go-app, every element costs a round of calls between Go and the page and
// a node to track, and a new filter or day first takes the old list down
// node by node: 150–250 ms on a slow phone. The app instead hands this
// script the fields of the slots to draw, as one string, and the script
// makes the same elements the server prerenders (app/ui/cards.go: card,
// slotView), a test checking that they match. Every field is set as text
// or as an attribute value, never parsed as markup.
//
// The search results (app/ui/results.go: resultList) are the same cards,
// by day, the words found marked.
//
// The string: records separated by RS (\x1e), fields by US (\x1f).
//   S, id, datetime, clock                          a slot and its heading
//   D, id, label                                    a day of results
//   C, class, colour, track, when, hasLang, langCode, langName, title,
//      href, speakers, key, pressed, label, snippet, rooms,
//      (room, colour)…                              a card
// An empty field is an absent part: no track, no language (hasLang
// empty), no speakers, no star (key empty), no snippet, no colour.
// Track, title, speakers, snippet and room names may hold marks: GS
// (\x1d) separates their parts, every other one marked.
"use strict";
window.companionCards = (() => {
  const RS = "\x1e", US = "\x1f", GS = "\x1d";

  // marked appends text to e, the parts that the search found in <mark>.
  function marked(e, text) {
    const parts = text.split(GS);
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      if (i % 2) {
        const m = document.createElement("mark");
        m.textContent = parts[i];
        e.append(m);
      } else {
        e.append(parts[i]);
      }
    }
    return e;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function slot(f) {
    const s = el("section", "slot");
    s.setAttribute("aria-labelledby", f[1]);
    const h = el("h2", "slot-time");
    h.id = f[1];
    const t = el("time", "", f[3]);
    t.setAttribute("datetime", f[2]);
    h.append(t);
    const ul = el("ul", "slot-events");
    s.append(h, ul);
    return s;
  }

  function room(name, colour) {
    const r = el("span", "room");
    if (!colour) return marked(r, name);
    r.style.setProperty("--room", colour);
    r.append(el("span", "dot"), marked(el("span", ""), name));
    return r;
  }

  function card(f) {
    const [, cls, colour, track, when, hasLang, langCode, langName, title, href, speakers, key, pressed, label, snippet, n] = f;
    const li = el("li", cls);
    if (colour) li.style.setProperty("--room", colour);
    const meta = el("div", "card-meta");
    const rooms = el("span", "rooms");
    for (let i = 0; i < Number(n); i++) rooms.append(room(f[16 + 2 * i], f[17 + 2 * i]));
    meta.append(rooms);
    if (track) meta.append(marked(el("span", "track"), track));
    meta.append(el("span", "when", when));
    if (hasLang) {
      const l = el("span", "lang", langCode);
      if (langName) l.title = langName;
      meta.append(l);
    }
    const h = el("h3", "card-title");
    if (langCode) h.lang = langCode;
    const a = marked(el("a", ""), title);
    a.setAttribute("href", href);
    h.append(a);
    li.append(meta, h);
    if (speakers) li.append(marked(el("p", "speakers"), speakers));
    if (snippet) {
      const p = marked(el("p", "snippet"), snippet);
      if (langCode) p.lang = langCode;
      li.append(p);
    }
    if (key) {
      const b = el("button", "star");
      b.type = "button";
      b.dataset.key = key;
      b.setAttribute("aria-label", label);
      star(b, pressed === "1");
      li.append(b);
    }
    return li;
  }

  // star shows a star button pressed or not.
  function star(b, on) {
    b.setAttribute("aria-pressed", on ? "true" : "false");
    b.textContent = on ? "★" : "☆";
  }

  // press presses the stars in root whose keys are in keys (US-separated)
  // and releases the others.
  function press(root, keys) {
    const on = new Set(keys.split(US));
    for (const b of root.querySelectorAll("button.star[data-key]")) {
      const want = on.has(b.dataset.key);
      if ((b.getAttribute("aria-pressed") === "true") !== want) star(b, want);
    }
  }

  // view is the container of list's view drawn now: its first child,
  // unless that one is being retired.
  function view(list) {
    let v = list.firstElementChild;
    if (!v || v.classList.contains("retired")) {
      v = el("div", "slots-view");
      list.prepend(v);
    }
    return v;
  }

  return {
    // renew starts another view of list: the one drawn is hidden at once
    // (app.css) and taken down after the next frame, so that a day switch
    // does not wait for ~6,000 elements to go. The new one comes first,
    // so that its slot ids are the ones found.
    renew(list) {
      const old = list.querySelectorAll(":scope > .slots-view:not(.retired)");
      for (const v of old) v.classList.add("retired");
      list.prepend(el("div", "slots-view"));
      if (old.length) {
        requestAnimationFrame(() => setTimeout(() => {
          for (const v of list.querySelectorAll(":scope > .slots-view.retired")) v.remove();
        }, 0));
      }
    },
    // append adds the slots and cards of data at the end of list's view.
    append(list, data) {
      const frag = document.createDocumentFragment();
      let events = null;
      for (const r of data.split(RS)) {
        const f = r.split(US);
        if (f[0] === "S") {
          const s = slot(f);
          events = s.lastChild;
          frag.append(s);
        } else if (f[0] === "C" && events) {
          events.append(card(f));
        }
      }
      view(list).append(frag);
    },
    // stars presses the stars of list's view whose keys are in keys
    // (US-separated) and releases the others.
    stars(list, keys) {
      press(view(list), keys);
    },
    // results draws the days and cards of data in box, in place of what
    // it held.
    results(box, data) {
      const frag = document.createDocumentFragment();
      let cards = null;
      for (const r of data ? data.split(RS) : []) {
        const f = r.split(US);
        if (f[0] === "D") {
          const s = el("section", "results-day");
          s.setAttribute("aria-labelledby", f[1]);
          const h = el("h2", "", f[2]);
          h.id = f[1];
          cards = el("ul", "result-list");
          s.append(h, cards);
          frag.append(s);
        } else if (f[0] === "C" && cards) {
          cards.append(card(f));
        }
      }
      box.replaceChildren(frag);
    },
    press,
    star,
  };
})();

// The filter panel's choices (app/ui/filters.go: filterChips): some 150
// links at FOSDEM, each pointing at the schedule with its choice toggled,
// so that every change of filter changes every link. Drawn once, then
// updated in place (href, pressed), which keeps the focus where it was.
//
// The string: records separated by RS, fields by US.
//   G, title                            a group
//   C, label, href, on, count, colour   a choice (on "1"; count "" for none)
window.companionChips = (() => {
  const RS = "\x1e", US = "\x1f";
  const shape = new WeakMap(); // what each panel was drawn for, less links and state

  function chip(f) {
    const [, label, href, on, count, colour] = f;
    const a = document.createElement("a");
    a.className = "chip";
    a.setAttribute("href", href);
    if (colour) {
      const d = document.createElement("span");
      d.className = "dot";
      d.style.setProperty("--room", colour);
      a.append(d);
    }
    a.append(label);
    if (count) {
      const n = document.createElement("span");
      n.className = "count";
      n.textContent = " " + count;
      a.append(n);
    }
    press(a, on === "1");
    const li = document.createElement("li");
    li.append(a);
    return li;
  }

  // press marks a choice made (aria-current and a tick) or not.
  function press(a, on) {
    const tick = a.firstChild && a.firstChild.classList && a.firstChild.classList.contains("tick") ? a.firstChild : null;
    if (on && !tick) {
      a.setAttribute("aria-current", "true");
      const t = document.createElement("span");
      t.className = "tick";
      t.setAttribute("aria-hidden", "true");
      t.textContent = "✓ ";
      a.prepend(t);
    } else if (!on && tick) {
      a.removeAttribute("aria-current");
      tick.remove();
    }
  }

  return {
    draw(root, data) {
      const recs = data.split(RS).map((r) => r.split(US));
      const key = recs.map((f) => (f[0] === "G" ? "G" + US + f[1] : [f[1], f[4], f[5]].join(US))).join(RS);
      if (shape.get(root) === key) {
        const links = root.querySelectorAll("a.chip");
        let i = 0;
        for (const f of recs) {
          if (f[0] !== "C") continue;
          const a = links[i++];
          if (a.getAttribute("href") !== f[2]) a.setAttribute("href", f[2]);
          press(a, f[3] === "1");
        }
        return;
      }
      const frag = document.createDocumentFragment();
      let list = null;
      for (const f of recs) {
        if (f[0] === "G") {
          const s = document.createElement("section");
          s.className = "chip-group";
          const h = document.createElement("h2");
          h.className = "chip-group-title";
          h.textContent = f[1];
          list = document.createElement("ul");
          list.className = "chips";
          s.append(h, list);
          frag.append(s);
        } else if (f[0] === "C" && list) {
          list.append(chip(f));
        }
      }
      root.replaceChildren(frag);
      shape.set(root, key);
    },
  };
})();

// The timetable's blocks near the screen (app/ui/timetable.go: writeBlock,
// gridBlock): drawn again on each scroll that reaches further and on each
// day, filter or star. The blocks that stay are kept as they are (and a
// focused one keeps its focus); the others are made or taken down.
//
// The string: a record (RS-separated) per block, fields by US:
//   class, href, key, column, row, lane, lanes, colour, when, starred,
//   starred label, language, title, also
// An empty field is an absent part: no lanes, no colour, no star, no
// language, no other rooms.
window.companionGrid = (() => {
  const RS = "\x1e", US = "\x1f";
  const drawn = new WeakMap(); // each container's blocks, by record

  function span(cls, text) {
    const s = document.createElement("span");
    if (cls) s.className = cls;
    if (text) s.textContent = text;
    return s;
  }

  function block(r) {
    const [cls, href, key, column, row, lane, lanes, colour, when, starred, label, lang, title, also] = r.split(US);
    const a = document.createElement("a");
    a.className = cls;
    a.setAttribute("href", href);
    a.dataset.key = key;
    a.style.setProperty("grid-column", column);
    a.style.setProperty("grid-row", row);
    if (lanes) {
      a.style.setProperty("--lane", lane);
      a.style.setProperty("--lanes", lanes);
    }
    if (colour) a.style.setProperty("--room", colour);
    a.append(span("grid-when", when));
    if (starred) {
      const s = span("grid-star");
      const icon = span("", "★");
      icon.setAttribute("aria-hidden", "true");
      s.append(icon, span("visually-hidden", label));
      a.append(s);
    }
    const t = span("grid-title", title);
    if (lang) t.lang = lang;
    a.append(t);
    if (also) a.append(span("grid-also", also));
    return a;
  }

  return {
    draw(box, data) {
      const before = drawn.get(box);
      if (!before) box.replaceChildren();
      const now = new Map(), want = [];
      for (const r of data ? data.split(RS) : []) {
        if (now.has(r)) continue;
        const a = (before && before.get(r)) || block(r);
        now.set(r, a);
        want.push(a);
      }
      if (before) for (const [r, a] of before) if (!now.has(r)) a.remove();
      let at = box.firstChild;
      for (const a of want) {
        if (a === at) at = at.nextSibling;
        else box.insertBefore(a, at);
      }
      drawn.set(box, now);
    },
  };
})();
