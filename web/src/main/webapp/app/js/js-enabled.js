// GOV.UK Frontend's classes for a browser that runs scripts, as early as the body exists (a file,
// not an inline script: the pages' Content-Security-Policy allows scripts of this site only).
document.body.className +=
  ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
