// After a failed submit the error summary takes the focus, so that screen readers announce it
// and keyboard users start from the list of what to correct (no inline script: CSP).
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
