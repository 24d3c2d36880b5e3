// Applies the theme the attendee chose in the app (app/theme: stored as
// "light" or "dark" under "companion/theme"; nothing means the system's)
// before the page is first drawn. The server puts it inline at the top of
// every page's <head> (web.ThemeScript, allowed by its hash in the
// Content-Security-Policy), so it runs before the body is parsed and
// costs no request: no flash of the other theme, although the page itself
// is the same for everybody (cached by the server, the service worker and
// static hosts). Its comment lines are left out of the pages.
// A browser that refuses the site storage (cookies and site data blocked)
// throws on every use of window.localStorage, even on reading it. go-app
// reads it as the app starts, and an exception thrown by a property read
// stops a Go program whatever it does: the page then gets a storage that
// keeps nothing and refuses to write, which the app reports as it reports
// the real one's refusal.
(function () {
  try {
    var s = window.localStorage;
    s.getItem("companion/theme");
    s.key(0);
    if (typeof s.length === "number") {
      return;
    }
  } catch (e) {
    // refused: replaced below
  }
  var refuse = function () {
    throw new DOMException("this browser does not let the site keep data", "SecurityError");
  };
  try {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      value: {
        length: 0,
        getItem: function () { return null; },
        key: function () { return null; },
        setItem: refuse,
        removeItem: function () {},
        clear: function () {},
      },
    });
  } catch (e) {
    // not replaceable: the app may stop, as it did before
  }
})();
(function () {
  // A page without the app (the 404 page) carries its text in every
  // language; it is shown in the one chosen in the app ("companion/lang"),
  // else the browser's, which the server wrote in <html lang>.
  try {
    var root = document.documentElement;
    var lang = window.localStorage.getItem("companion/lang");
    if (lang && root.hasAttribute("data-title-" + lang)) {
      root.setAttribute("lang", lang);
      document.title = root.getAttribute("data-title-" + lang);
    }
  } catch (e) {
    // storage disabled: the browser's language
  }
  var choice = null;
  try {
    choice = window.localStorage.getItem("companion/theme");
  } catch (e) {
    return; // storage disabled: the system's theme
  }
  if (choice !== "light" && choice !== "dark") {
    return;
  }
  document.documentElement.setAttribute("data-theme", choice);
  // The browser's own bar follows the chosen theme, not the system's.
  var color = choice === "dark" ? "#0b1120" : "#f8fafc";
  var metas = document.querySelectorAll('meta[name="theme-color"]');
  for (var i = 0; i < metas.length; i++) {
    metas[i].setAttribute("content", color);
  }
})();
