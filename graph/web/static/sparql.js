// The query page: Yasqe (syntax highlighting, checking, prefixes) over the form's textarea.
// Without this script the textarea still works; with it, the form sends the editor's text.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("sparql-form");
  const area = document.getElementById("query");
  if (!form || !area || typeof window.Yasqe !== "function") return;
  const holder = document.createElement("div");
  holder.id = "editor";
  area.before(holder);
  area.hidden = true;
  const yasqe = new window.Yasqe(holder, {
    value: area.value,
    showQueryButton: false,
    persistenceId: null,  // the page's own text, not one kept in the browser
    consumeShareLink: null,  // the server already put the URL's query in the textarea, with its prefixes
    createShareableLink: null,  // the page's URL is the link to share
    autocompleters: ["variables"],  // the others ask other hosts for vocabularies
    editorHeight: "220px",
    resizeable: true,
  });
  window.casckgEditor = yasqe;
  const submit = () => { area.value = yasqe.getValue(); };
  form.addEventListener("submit", submit);
  yasqe.on("keydown", (_cm, event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      submit();
      form.submit();
    }
  });
  document.documentElement.dataset.editor = "ready";
});
