// The website's script: optional. Every page works without it; with it, GOV.UK Frontend
// and MOJ Frontend components come alive and the islands (autocomplete) start. Loaded as
// a module, so browsers too old for it get the plain HTML pages.
import { initAll as initGovuk } from 'govuk-frontend';
import { initAll as initMoj } from '@ministryofjustice/frontend';
import { enhanceSelects } from './autocomplete.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initGovuk();
initMoj();
enhanceSelects(document);
