// The language switcher's links go straight to the page in the chosen language (cacheable, no
// form). Following one also remembers the choice, so that an address without a language prefix
// (the bare "/") opens in it next time rather than in the browser's language.
(function () {
  document.querySelectorAll("[data-language]").forEach(function (link) {
    link.addEventListener("click", function () {
      document.cookie = "django_language=" + link.dataset.language +
        "; path=/; max-age=31536000; SameSite=Lax";
    });
  });
})();
