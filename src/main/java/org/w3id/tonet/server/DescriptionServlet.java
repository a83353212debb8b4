package org.w3id.tonet.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The dataset description (VoID and DCAT-AP 3) at {@code /.well-known/void} and {@code /void}: RDF
 * by content negotiation (Turtle by default); browsers are sent to the dataset's page.
 *
 * <pre>
 * GET /.well-known/void → text/turtle
 * </pre>
 */
final class DescriptionServlet extends SiteServlet {

  DescriptionServlet(SiteHolder holder) {
    super(holder);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Vary", "Accept");
    String accept = accept(request);
    Optional<Conneg.Format> format =
        accept != null && accept.contains("text/html")
            ? Conneg.choose(accept, Conneg.Format.pageOffers())
            : Conneg.choose(accept, Conneg.Format.rdfOffers());
    if (format.isEmpty()) {
      send(response, 406, "text/plain; charset=utf-8", "406 Not Acceptable\n");
      return;
    }
    if (format.get() == Conneg.Format.HTML) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", links().page(site().iris().dataset()));
      return;
    }
    send(
        response,
        200,
        Conneg.contentType(accept, format.get()),
        RdfWriters.write(site().meta().getGraph(), format.get()));
  }
}
