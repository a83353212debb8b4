/**
 * The pages for people: the published site as the servlets hold it ({@code SiteHolder}) and what
 * every servlet shares ({@code SiteServlet}: validators, gzip, error pages); the Mustache templates
 * of {@code src/main/resources/templates/} rendered with the masthead ({@code Pages}); links,
 * labels and terms as people read them ({@code Links}, {@code Labels}, {@code TermView}); charts,
 * schema.org JSON-LD, the landing page and its story, resource views, the favicon, the static files
 * ({@code site.css}, {@code sparql-editor.js}, CodeMirror), robots.txt and the 404 page.
 *
 * <p>Uses {@code server.cache} and {@code server.http}; may be used by {@code server.sparql},
 * {@code server.linked} and {@code server}.
 */
package org.w3id.tonet.server.site;
