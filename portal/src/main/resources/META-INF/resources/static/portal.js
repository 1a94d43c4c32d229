// The design system's scripts (progressive enhancement: every page works without them)
import { initAll } from "./ds/design-system.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// « Imprimer » buttons (the pages print without them too, from the browser's menu)
for (const button of document.querySelectorAll("[data-portal-print]")) {
  button.addEventListener("click", () => window.print());
}
