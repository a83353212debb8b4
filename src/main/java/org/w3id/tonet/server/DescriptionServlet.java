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
    Optional<Negotiation.Chosen> chosen = negotiate(request, Negotiation.DESCRIPTION);
    if (chosen.isEmpty()) {
      send(response, 406, "text/plain; charset=utf-8", "406 Not Acceptable\n");
      return;
    }
    if (chosen.get().format() == Conneg.Format.HTML) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", links().page(site().iris().dataset()));
      return;
    }
    send(
        response,
        200,
        chosen.get().contentType(),
        RdfWriters.write(site().meta().getGraph(), chosen.get().format()));
  }
}
