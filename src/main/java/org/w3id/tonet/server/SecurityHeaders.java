package org.w3id.tonet.server;

import org.eclipse.jetty.http.HttpFields;

/**
 * The security headers every response carries, pages, answers and errors alike (Jetty's own error
 * pages included). Pages load nothing from elsewhere and run no script of another origin, so the
 * Content-Security-Policy allows only this server's style sheet, scripts and icon, and requests to
 * this server alone (connect-src 'self': without it, tools that audit a page from inside it, as
 * Lighthouse does, cannot read the site's robots.txt).
 *
 * <pre>
 * SecurityHeaders.apply(response.getHeaders());
 * </pre>
 */
final class SecurityHeaders {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(HttpFields.Mutable headers) {
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    headers.put("Content-Security-Policy", CSP);
  }
}
