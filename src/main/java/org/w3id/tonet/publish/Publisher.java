package org.w3id.tonet.publish;

import java.net.URI;
import org.w3id.tonet.rdf.Iris;

/**
 * Who publishes the dataset and how to reach them, as the command line gives it: the DCAT {@code
 * dct:publisher} and {@code dcat:contactPoint} of the description (CKAN maps them to the
 * organisation and the contact). The publisher is whoever runs the publication: a part left out is
 * what the council folder's identity says ({@code publisher}, {@code publisher-page}, {@code
 * contact}; see {@code DatasetDescription}), and where that says nothing too, a default that says
 * only what is known, derived from the base IRI.
 *
 * <pre>
 * new Publisher("https://example.jp/org", "Example City", "mailto:lod@example.jp");
 * Publisher.UNNAMED; // {base}id/publisher, named after the base IRI's host; the landing page
 * </pre>
 *
 * @param iri the publisher's IRI, or null for {@code {base}id/publisher}
 * @param name the publisher's name, or null for the host of the base IRI
 * @param contact a {@code mailto:} or web address to reach them, or null for the landing page
 */
public record Publisher(String iri, String name, String contact) {

  /** Nothing given: every part is its default. */
  public static final Publisher UNNAMED = new Publisher(null, null, null);

  /** The publisher's IRI under this base. */
  public String iri(Iris iris) {
    return iri != null ? iri : iris.base() + "id/publisher";
  }

  /** The publisher's name under this base. */
  public String name(Iris iris) {
    if (name != null) {
      return name;
    }
    URI base = URI.create(iris.base());
    return base.getAuthority() != null ? base.getAuthority() : iris.base();
  }

  /** The contact address under this base. */
  public String contact(Iris iris) {
    return contact != null ? contact : iris.base();
  }

  /** The IRI of the contact point (a vcard:Kind) under this base. */
  public String contactPoint(Iris iris) {
    return iris.base() + "id/publisher/contact";
  }

  /** What a kept build depends on: every part as given. */
  public String key() {
    return String.join(
        "\u0000", String.valueOf(iri), String.valueOf(name), String.valueOf(contact));
  }
}
