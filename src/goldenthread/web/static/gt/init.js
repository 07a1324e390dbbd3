// Progressive enhancement only: every page works without this file.
import { initAll } from "../govuk/govuk-frontend.min.js";

// The GOV.UK template's inline script used to add these; our CSP allows no inline script.
document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
