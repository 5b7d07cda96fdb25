// The accessibility statement in French or English (?lang=en), with a switch.
(function () {
  "use strict";
  var lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "fr";
  function apply() {
    document.documentElement.lang = lang;
    document.documentElement.className = lang;
    var button = document.getElementById("lang");
    button.textContent = lang === "fr" ? "English" : "Français";
    button.lang = lang === "fr" ? "en" : "fr";
  }
  document.addEventListener("DOMContentLoaded", function () {
    apply();
    document.getElementById("lang").addEventListener("click", function () {
      lang = lang === "fr" ? "en" : "fr";
      history.replaceState(null, "", lang === "en" ? "?lang=en" : location.pathname);
      apply();
    });
    document.body.dataset.ready = "true";
  });
})();
