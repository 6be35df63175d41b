// The SMART app's launch page (/smart/launch?iss=…&launch=…[&key=pk_…]), served only for an iss on
// MESOSCREEN_SMART_FHIR_SERVERS. The SMART project's client (fhirclient) reads iss and launch from the address,
// discovers {iss}/.well-known/smart-configuration and sends the browser to the EHR's authorisation endpoint:
// authorization code with PKCE (S256, required), a random state, aud = iss, the public client id and scopes the
// server put on this page. What the redirect must carry back (the state, the PKCE verifier, the endpoints) and
// the clinic's publishable key wait in sessionStorage; app.js moves them into memory and clears it on return.
'use strict';

(() => {
  const status = document.getElementById('status');
  const settings = document.body.dataset;
  const key = new URLSearchParams(location.search).get('key');
  sessionStorage.clear();
  if (key) sessionStorage.setItem('mesoscreen-smart-key', key);
  FHIR.oauth2.authorize({
    clientId: settings.clientId,
    scope: settings.scope,
    redirectUri: settings.redirect,
    pkceMode: 'required',
    completeInTarget: true,
  }).catch(error => {
    sessionStorage.clear();
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = /PKCE/.test(error.message)
      ? 'The EHR does not offer PKCE with S256 (its smart-configuration), which Mesoscreen requires. Nothing was sent.'
      : `Mesoscreen could not read the EHR's SMART configuration, so it did not ask for authorisation: ${error.message}`;
  });
})();
