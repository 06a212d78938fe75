// Progressive enhancement only: every console page works without this file.
// Moves focus to the error summary after a failed submit, so screen-reader users hear it first.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary instanceof HTMLElement) summary.focus();
});
