// The language switch of the static bilingual pages (the integration page, the accessibility
// statement): both texts are in the HTML and the class on <html> shows one; `?lang=` keeps the
// choice in the address. `onChange(lang)` runs after each switch and once at the start.
const other = (lang) => (lang === "fr" ? "en" : "fr");

export function bilingual(fallback, onChange = () => {}) {
  let lang = new URLSearchParams(location.search).get("lang") === other(fallback) ? other(fallback) : fallback;
  const button = document.getElementById("lang");
  const apply = () => {
    document.documentElement.lang = lang;
    document.documentElement.className = lang;
    button.textContent = lang === "fr" ? "English" : "Français";
    button.lang = other(lang);
    onChange(lang);
  };
  button.addEventListener("click", () => {
    lang = other(lang);
    const url = new URL(location.href);
    url.searchParams.set("lang", lang);
    history.replaceState(null, "", url);
    apply();
  });
  apply();
  return () => lang;
}
