// Progressive enhancement of the redaction workspace: dragging on a page image fills the
// "按坐标标注区域" form (page, x, y, width, height in PDF points). Without JS the form still works.
(function () {
  'use strict';
  var form = document.querySelector('.redaction-area-form');
  if (!form) return;
  var field = function (name) { return form.querySelector('[name="' + name + '"]'); };
  document.querySelectorAll('img.redaction-page[data-page]').forEach(function (img) {
    var start = null;
    var box = null;
    var toPoints = function (ev) {
      var r = img.getBoundingClientRect();
      var scale = parseFloat(img.dataset.scale || '1') * (r.width / img.naturalWidth);
      return { x: (ev.clientX - r.left) / scale, y: (ev.clientY - r.top) / scale, px: ev.pageX, py: ev.pageY };
    };
    img.addEventListener('mousedown', function (ev) {
      ev.preventDefault();
      start = toPoints(ev);
      box = document.createElement('div');
      box.className = 'redaction-draw';
      document.body.appendChild(box);
    });
    window.addEventListener('mousemove', function (ev) {
      if (!start || !box) return;
      var p = toPoints(ev);
      box.style.left = Math.min(p.px, start.px) + 'px';
      box.style.top = Math.min(p.py, start.py) + 'px';
      box.style.width = Math.abs(p.px - start.px) + 'px';
      box.style.height = Math.abs(p.py - start.py) + 'px';
    });
    window.addEventListener('mouseup', function (ev) {
      if (!start) return;
      var p = toPoints(ev);
      field('page').value = img.dataset.page;
      field('x').value = Math.min(p.x, start.x).toFixed(1);
      field('y').value = Math.min(p.y, start.y).toFixed(1);
      field('width').value = Math.abs(p.x - start.x).toFixed(1);
      field('height').value = Math.abs(p.y - start.y).toFixed(1);
      start = null;
      if (box) box.remove();
      box = null;
      field('width').focus();
    });
  });
})();
