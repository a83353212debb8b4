package org.w3id.tonet.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.w3id.tonet.publish.Publisher;
import picocli.CommandLine.Option;

/**
 * Who publishes: the options of every command that writes the dataset description (serve, export,
 * push). The publisher is whoever runs the publication: each option overrides what the council
 * folder's identity says, and where it says nothing, the default says only what is known.
 *
 * <pre>
 * &#64;Mixin PublisherOptions publisher;
 * Publisher who = publisher.publisher(); // IllegalArgumentException naming the bad option
 * </pre>
 */
public final class PublisherOptions {

  @Option(
      names = "--publisher",
      paramLabel = "IRI",
      description =
          "The publisher (dct:publisher): whoever runs this publication, e.g. the IRI of your"
              + " organisation. Default: {base}id/publisher, named as the council folder's"
              + " identity.tsv says, or after the host of the base IRI.")
  String iri;

  @Option(
      names = "--publisher-name",
      paramLabel = "NAME",
      description =
          "The publisher's name. Default: the publisher of the council folder's identity.tsv,"
              + " or the host of the base IRI.")
  String name;

  @Option(
      names = "--contact",
      paramLabel = "URI",
      description =
          "How to reach the publisher (dcat:contactPoint): a mailto: or https: address. Default:"
              + " the contact of the council folder's identity.tsv, or the landing page.")
  String contact;

  /** The publisher the options name; the defaults for what they leave out. */
  Publisher publisher() {
    if (iri != null) {
      absolute("--publisher", iri);
    }
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("--publisher-name: give a name, or leave the option out");
    }
    if (contact != null) {
      absolute("--contact", contact);
      String scheme = URI.create(contact).getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("mailto") && !scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException(
            "--contact: " + contact + " is not a mailto:, https: or http: address");
      }
    }
    return new Publisher(iri, name == null ? null : name.strip(), contact);
  }

  private static void absolute(String option, String value) {
    try {
      if (!new URI(value).isAbsolute()) {
        throw new IllegalArgumentException(
            option + ": " + value + " is not an absolute IRI (such as https://example.jp/org)");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(option + ": " + value + " is not an IRI", e);
    }
  }
}
