/* Sidebar toggles, keyboard included.
   sphinx-book-theme blurs a toggle in the capture phase of its click, to dismiss
   the tooltip, so pydata-sphinx-theme then saves the page body as the element to
   refocus when the sidebar dialog closes. Remember the toggle instead, and give
   it focus back on close. A link followed inside the dialog closes it (the theme
   left "On this page" open over the section it had just jumped to). A keyboard
   press on the desktop collapse button keeps focus on the button, which then
   says whether the menu is shown (aria-expanded). */
(() => {
  "use strict";
  let opener = null;
  const wide = () => window.matchMedia("(min-width: 992px)").matches;
  const sidebar = () => document.getElementById("pst-primary-sidebar");

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("dialog[open] a[href]");
    if (link && link.closest("dialog").id.endsWith("-sidebar-modal")) {
      opener = null;  // focus follows the link, not back to the button
      link.closest("dialog").close();
      return;
    }
    const toggle = event.target.closest && event.target.closest(".sidebar-toggle");
    if (!toggle) return;
    opener = toggle;
    setTimeout(() => {
      if (document.querySelector("dialog[open]")) return;
      if (toggle.classList.contains("primary-toggle") && wide() && sidebar()) {
        toggle.setAttribute("aria-expanded", String(!sidebar().classList.contains("pst-sidebar-hidden")));
      }
      if (event.detail === 0) toggle.focus();  // activated from the keyboard
    });
  }, true);

  document.addEventListener("close", (event) => {
    if (opener && event.target.id && event.target.id.endsWith("-sidebar-modal")) {
      opener.focus();
      opener = null;
    }
  }, true);
})();
