// Progressive enhancement for the portal (every page works without it): the print view's
// "打印本页" button, hidden until this script can make it work.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
