// Buttons marked data-action="print" open the browser's print dialog (no inline handlers: CSP).
document.querySelectorAll('[data-action="print"]').forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
