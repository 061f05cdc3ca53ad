// The index page: a link to each counter's console.
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const list = document.getElementById("index-counters");
  try {
    const queue = await MC.api("GET", "/api/v1/queue");
    for (const counter of queue.counters) {
      list.append(MC.el("a", { class: "index-link", href: "/counter/" + counter.id }, [
        MC.el("strong", { text: MC.t("common.counter_label", { n: counter.id }) }),
        MC.el("span", { text: counter.services.join(", ") }),
      ]));
    }
  } catch (e) {
    list.append(MC.el("p", { class: "form-error", text: MC.errorText(e) }));
  }
});
