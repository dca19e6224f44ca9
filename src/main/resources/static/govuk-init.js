// Starts GOV.UK Frontend's components (error summary focus, character counts, radios, details).
import { initAll } from '/assets/govuk-frontend.min.js';
initAll();
