package org.w3id.tonet.server.linked;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.Negotiation;
import org.w3id.tonet.server.http.RdfWriters;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.server.site.SiteServlet;

/**
 * The dataset description (VoID and DCAT-AP 3) at {@code /.well-known/void} and {@code /void}: RDF
 * by content negotiation (Turtle by default); browsers are sent to the dataset's page.
 *
 * <pre>
 * GET /.well-known/void → text/turtle
 * </pre>
 */
public final class DescriptionServlet extends SiteServlet {

  public DescriptionServlet(SiteHolder holder) {
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
