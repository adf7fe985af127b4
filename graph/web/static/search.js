// Search-as-you-type for entity parameters: labels and aliases in every language, from /search.
// Suggestions fill the input's datalist; each option's value is what the form sends (state/KAZ).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input.entity")) {
    const list = document.getElementById(input.getAttribute("list"));
    let pending = null;
    input.addEventListener("input", () => {
      clearTimeout(pending);
      const text = input.value.trim();
      if (text.length < 2 || text.includes("/")) return;
      pending = setTimeout(async () => {
        const url = `/search?${new URLSearchParams({ q: text, lang: input.dataset.lang || "en" })}`;
        const answer = await fetch(url, { headers: { Accept: "application/json" } });
        if (!answer.ok) return;
        const found = await answer.json();
        list.replaceChildren(...found.map((entity) => {
          const option = document.createElement("option");
          option.value = entity.id;
          option.label = `${entity.label} (${entity.class})`;  // text, never markup
          return option;
        }));
        input.dataset.suggested = String(found.length);
      }, 150);
    });
  }
});
