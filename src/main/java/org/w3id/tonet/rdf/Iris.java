package org.w3id.tonet.rdf;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.tonet.model.Entry;
import org.w3id.tonet.model.FiscalYear;
import org.w3id.tonet.model.Name;
import org.w3id.tonet.source.SourceException;
import org.w3id.tonet.source.SourceProblem;

/**
 * Every IRI tonet-lod mints, in one place, from one setting: the base IRI.
 *
 * <pre>
 * Iris iris = new Iris("https://lod.example.jp/tonet/");
 * iris.fiscalYear(2010);    // https://lod.example.jp/tonet/id/fiscal-year/2010
 * iris.symposium(LocalDate.of(2012, 3, 17)); // …/id/symposium/2012-03-17
 * </pre>
 *
 * <p>Patterns follow DESIGN.md; slugs come from the hand-kept names and phrase tables, never from
 * the Japanese text, so an IRI stays the same as long as the fact does.
 */
public final class Iris {

  /** The base used when none is given: the default address of {@code serve}. */
  public static final String DEFAULT_BASE = "http://localhost:3030/";

  private final String base;

  /**
   * @param base an absolute http or https IRI; a missing final '/' is added
   * @throws IllegalArgumentException when the base is not an absolute http(s) IRI
   */
  public Iris(String base) {
    this.base = checkBase(base);
  }

  /** Checks and normalizes a base IRI, so it ends with '/'. */
  public static String checkBase(String base) {
    try {
      URI uri = new URI(base);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new IllegalArgumentException(
            "base IRI must be an absolute http(s) IRI without query or fragment, such as"
                + " https://lod.example.jp/tonet/ (got \""
                + base
                + "\")");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("base IRI is not an IRI: " + e.getMessage(), e);
    }
    return base.endsWith("/") ? base : base + "/";
  }

  /** The base, ending with '/'. */
  public String base() {
    return base;
  }

  /** id/assembly/{council|ordinary|extraordinary}/{n}. */
  public String assembly(Entry.AssemblyKind kind, int ordinal) {
    return base + "id/assembly/" + kind.name().toLowerCase(Locale.ROOT) + "/" + ordinal;
  }

  /** id/symposium/{yyyy-mm-dd}. */
  public String symposium(LocalDate day) {
    return base + "id/symposium/" + day;
  }

  /** id/milestone/registrants-{n}. */
  public String registrants(int threshold) {
    return base + "id/milestone/registrants-" + threshold;
  }

  /** id/milestone/institutions-{n}. */
  public String institutions(int count) {
    return base + "id/milestone/institutions-" + count;
  }

  /** id/fiscal-year/{yyyy}, the Gregorian year in which it begins. */
  public String fiscalYear(FiscalYear fiscalYear) {
    return base + "id/fiscal-year/" + fiscalYear.startYear();
  }

  /** id/date/{yyyy-mm-dd}: a time:Instant, the beginning or end of a fiscal year. */
  public String day(LocalDate day) {
    return base + "id/date/" + day;
  }

  /** id/org/, id/venue/, id/system/, id/plan/ or id/series/ followed by the slug. */
  public String name(Name name) {
    String folder =
        switch (name.kind()) {
          case ORGANIZATION, UNIT -> "org";
          case VENUE -> "venue";
          case SYSTEM -> "system";
          case PLAN -> "plan";
          case SERIES -> "series";
          case PERSON -> throw new IllegalArgumentException("a person's IRI is below a meeting");
        };
    return base + "id/" + folder + "/" + name.slug();
  }

  /** id/org/{slug}. */
  public String organization(String slug) {
    return base + "id/org/" + slug;
  }

  /** id/venue/{slug}. */
  public String venue(String slug) {
    return base + "id/venue/" + slug;
  }

  /** id/series/{slug}. */
  public String series(String slug) {
    return base + "id/series/" + slug;
  }

  /** id/system/{slug}. */
  public String system(String slug) {
    return base + "id/system/" + slug;
  }

  /** id/plan/{slug}. */
  public String plan(String slug) {
    return base + "id/plan/" + slug;
  }

  /** id/place/{slug}: a municipality, the prefecture or the healthcare area (gazetteer slugs). */
  public String place(String slug) {
    return base + "id/place/" + slug;
  }

  /** id/place/{place slug}/status/{status slug}: a period of a municipality's name and kind. */
  public String placeStatus(String placeSlug, String statusSlug) {
    return place(placeSlug) + "/status/" + statusSlug;
  }

  /** id/source/gazetteer: the hand-kept gazetteer that places are derived from. */
  public String gazetteer() {
    return base + "id/source/gazetteer";
  }

  /**
   * id/source/gazetteer/{key}: one row of the gazetteer, named by its key (place/kazo,
   * status/kazo/city-2010, venue/pastoral-kazo, serves/council/tone-healthcare-area), not by its
   * line, so it keeps its IRI when the table grows.
   */
  public String gazetteerRow(String key) {
    return gazetteer() + "/" + key;
  }

  /** id/rule/{slug}: a rule that made statements no row makes (id/rule/fiscal-year). */
  public String rule(String slug) {
    return base + "id/rule/" + slug;
  }

  /** id/event/{yyyy-mm-dd}-{slug}, or id/event/fy{yyyy}-{slug} when undated. */
  public String event(Entry.Base base, String slug) {
    if (base.when().isDated()) {
      return this.base + "id/event/" + base.when().start() + "-" + slug;
    }
    if (base.fiscalYear() != null) {
      return this.base + "id/event/fy" + base.fiscalYear().startYear() + "-" + slug;
    }
    return this.base + "id/event/" + slug;
  }

  /** A person named at a meeting: below the meeting's IRI. */
  public String person(String meeting, String slug) {
    return meeting + "/" + slug;
  }

  /** The n-th agenda item of a meeting: {meeting}/agenda/{n}. */
  public String agendaItem(String meeting, int position) {
    return meeting + "/agenda/" + position;
  }

  /** id/count/{yyyy-mm-dd}-{series slug}: one count of the closing summary. */
  public String count(LocalDate asOf, String seriesSlug) {
    return base + "id/count/" + asOf + "-" + seriesSlug;
  }

  /** id/source/{first 12 hex of SHA-256}: the source file. */
  public String source(String shortHash) {
    return base + "id/source/" + shortHash;
  }

  /** id/source/{hash}/line/{n}: one line of the source file. */
  public String sourceRow(String shortHash, int line) {
    return source(shortHash) + "/line/" + line;
  }

  /** graph/data, graph/ontology or graph/meta. */
  public String graph(String name) {
    return base + "graph/" + name;
  }

  /** The dataset as a whole, described by VoID and DCAT. */
  public String dataset() {
    return base + "id/dataset";
  }

  /** The IRI of an entry, by its kind. */
  public String entry(Entry entry) {
    Entry.Base b = entry.base();
    if (entry instanceof Entry.Assembly a) {
      return assembly(a.kind(), a.ordinal());
    } else if (entry instanceof Entry.Symposium s) {
      return s.base().when().isDated() ? symposium(s.base().when().start()) : event(b, "symposium");
    } else if (entry instanceof Entry.RegistrantMilestone r) {
      return registrants(r.threshold());
    } else if (entry instanceof Entry.InstitutionCountMilestone c) {
      return institutions(c.count());
    } else if (entry instanceof Entry.MeetingSeries s) {
      return series(s.name().slug());
    } else if (entry instanceof Entry.WrittenResolution) {
      return event(b, "written-resolution");
    } else if (entry instanceof Entry.Meeting m) {
      return event(b, m.slug());
    } else if (entry instanceof Entry.Establishment e) {
      return event(b, e.organizationSlug() + "-established");
    } else if (entry instanceof Entry.LegalFormChange c) {
      return event(b, c.organizationSlug() + "-legal-form-change");
    } else if (entry instanceof Entry.Milestone m) {
      return event(b, m.slug());
    } else if (entry instanceof Entry.Process p) {
      return event(b, p.slug());
    } else if (entry instanceof Entry.Unclassified u) {
      return u.problem().isEmpty() ? event(b, u.slug()) : base + "id/unread/" + u.slug();
    }
    throw new IllegalArgumentException("no IRI pattern for " + entry.getClass());
  }

  /**
   * The IRI of every entry. Unclassified rows that share a day are numbered in file order (…-entry,
   * …-entry-2); any other two entries with one IRI are a build error naming both lines.
   *
   * @throws SourceException when two entries map to one IRI
   */
  public Map<Entry, String> entries(List<Entry> entries, String fileName) throws SourceException {
    Map<Entry, String> iris = new IdentityHashMap<>();
    Map<String, Entry> owners = new HashMap<>();
    Map<String, Integer> unclassifiedSeen = new HashMap<>();
    List<SourceProblem> problems = new ArrayList<>();
    for (Entry entry : entries) {
      String iri = entry(entry);
      if (entry instanceof Entry.Unclassified u && u.problem().isEmpty()) {
        int n = unclassifiedSeen.merge(iri, 1, Integer::sum);
        iri = n == 1 ? iri : iri + "-" + n;
      }
      Entry owner = owners.putIfAbsent(iri, entry);
      if (owner != null) {
        problems.add(
            new SourceProblem(
                fileName,
                entry.base().lines().get(0),
                0,
                "\"%s\" and line %d's \"%s\" would both be %s; one IRI must name one thing:"
                        .formatted(
                            entry.base().labelJa(),
                            owner.base().lines().get(0),
                            owner.base().labelJa(),
                            iri)
                    + " check the row for a repeated number or day",
                ""));
        continue;
      }
      iris.put(entry, iri);
    }
    if (!problems.isEmpty()) {
      throw new SourceException(problems);
    }
    return iris;
  }
}
