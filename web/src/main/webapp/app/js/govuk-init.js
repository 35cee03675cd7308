// GOV.UK Frontend's components (a module of this site: the Content-Security-Policy allows no inline
// script).
import { initAll } from '../../webjars/govuk-frontend/5.10.2/dist/govuk/govuk-frontend.min.js';

initAll();
