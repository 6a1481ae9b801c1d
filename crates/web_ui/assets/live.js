// Live warnings (SSE): new, raised and cleared warnings appear at the top of #live-warnings
// without reloading. The pages work without it.
(function () {
  var box = document.getElementById("live");
  var list = document.getElementById("live-warnings");
  if (!box || !list || !window.EventSource) return;
  var source = new EventSource(box.getAttribute("data-stream"));
  source.addEventListener("warning", function (event) {
    var w = JSON.parse(event.data);
    var empty = list.querySelector(".empty");
    if (empty) empty.remove();
    var item = document.createElement("li");
    item.className = "fresh level-" + w.level;
    item.setAttribute("data-id", w.id);
    item.setAttribute("data-change", w.change);
    item.setAttribute("data-rule", w.rule);
    var badge = document.createElement("span");
    badge.className = "level level-" + w.level;
    badge.textContent = w.level_label;
    var link = document.createElement("a");
    link.href = "/e/warning/" + encodeURIComponent(w.id);
    link.textContent = w.rule;
    var subject = document.createElement("a");
    subject.href = "/e/" + w.element + "/" + encodeURIComponent(w.subject);
    subject.textContent = w.subject;
    item.append(badge, " 【" + w.change_label + "】 ", link, " ", subject, " · " + w.unit_name);
    item.title = w.message;
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 50) list.removeChild(list.lastChild);
  });
})();
