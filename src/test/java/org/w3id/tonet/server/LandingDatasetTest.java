package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.TestSeeds;
import org.w3id.tonet.publish.Build;

/**
 * The landing page's schema.org Dataset, for dataset search engines: creator, licence, keywords,
 * spatial coverage and identifier, each taken from the data and its description, none invented.
 */
class LandingDatasetTest {

  private static final String CC_BY = "https://creativecommons.org/licenses/by/4.0/";

  @Test
  void theDatasetNamesItsCreatorKeywordsAreaAndIdentifierFromTheData() throws Exception {
    Site site = Site.of(TestSeeds.seedBuild(), null);
    JsonObject dataset = dataset(site);
    Resource described = site.meta().getResource(site.iris().dataset());

    assertEquals(site.iris().dataset(), dataset.get("identifier").getAsString().value());

    Set<String> keywords = new TreeSet<>();
    for (Statement s : described.listProperties(DCAT.keyword).toList()) {
      keywords.add(s.getString());
    }
    assertFalse(keywords.isEmpty());
    assertEquals(keywords, strings(dataset.get("keywords")));

    String council = described.getPropertyResourceValue(DCTerms.rightsHolder).getURI();
    JsonObject creator = dataset.get("creator").getAsObject();
    assertEquals("Organization", creator.get("@type").getAsString().value());
    assertEquals(council, creator.get("@id").getAsString().value());
    assertEquals(Labels.of(site.union(), council, "ja"), creator.get("name").getAsString().value());

    String area = described.getPropertyResourceValue(DCTerms.spatial).getURI();
    JsonObject place = dataset.get("spatialCoverage").getAsObject();
    assertEquals("Place", place.get("@type").getAsString().value());
    assertEquals(area, place.get("@id").getAsString().value());
    assertEquals(
        site.union().getResource(area).listProperties(RDFS.label).toList().stream()
            .filter(s -> s.getLanguage().equals("ja"))
            .findFirst()
            .orElseThrow()
            .getString(),
        place.get("name").getAsString().value());

    // The table the data is made from, and who made it: the same council.
    List<String> basedOnCreators = new ArrayList<>();
    for (JsonValue source : dataset.get("isBasedOn").getAsArray()) {
      JsonValue made = source.getAsObject().get("creator");
      if (made != null) {
        basedOnCreators.add(made.getAsObject().get("@id").getAsString().value());
      }
    }
    assertEquals(List.of(council), basedOnCreators);
  }

  @Test
  void aLicenceIsStatedOnlyWhenOneIsGiven() throws Exception {
    Build build = TestSeeds.seedBuild();
    assertFalse(dataset(Site.of(build, null)).hasKey("license"), "no licence is claimed");
    assertEquals(
        CC_BY, dataset(Site.of(build, CC_BY)).get("license").getAsString().value(), "--license");
  }

  @Test
  void everyDatasetAPageEmitsHasANameAndADescription() throws Exception {
    Site site = Site.of(TestSeeds.seedBuild(), null);
    SiteHolder holder = new SiteHolder();
    holder.set(site);
    List<String> datasets = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    for (String iri : StaticSite.localIris(site, holder.links())) {
      JsonObject json = JSON.parse(SchemaOrg.forResource(holder.documents(), iri, holder.links()));
      check(json, iri, datasets, incomplete);
    }
    assertEquals(List.of(), incomplete, "a Dataset without a name or a description");
    assertEquals(List.of(site.iris().dataset()), datasets, "the one dataset's page");
    JsonObject source =
        JSON.parse(
            SchemaOrg.forResource(
                holder.documents(), site.iris().source("gazetteer"), holder.links()));
    assertEquals("CreativeWork", source.get("@type").getAsString().value(), "a source table");
  }

  /** Every node with "@type": "Dataset" in a JSON-LD value, checked. */
  private static void check(
      JsonValue value, String page, List<String> datasets, List<String> incomplete) {
    if (value.isArray()) {
      value.getAsArray().forEach(v -> check(v, page, datasets, incomplete));
    } else if (value.isObject()) {
      JsonObject o = value.getAsObject();
      JsonValue type = o.get("@type");
      if (type != null && type.isString() && type.getAsString().value().equals("Dataset")) {
        datasets.add(o.get("@id").getAsString().value());
        for (String key : List.of("name", "description")) {
          if (!o.hasKey(key) || o.get(key).getAsString().value().isBlank()) {
            incomplete.add(page + " lacks " + key);
          }
        }
      }
      for (String key : o.keys()) {
        check(o.get(key), page, datasets, incomplete);
      }
    }
  }

  private static JsonObject dataset(Site site) {
    SiteHolder holder = new SiteHolder();
    holder.set(site);
    String html = new LandingServlet(holder).html();
    Matcher m =
        Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
            .matcher(html);
    assertTrue(m.find(), "the landing page embeds JSON-LD");
    JsonObject json = JSON.parse(m.group(1));
    assertEquals("Dataset", json.get("@type").getAsString().value());
    return json;
  }

  private static Set<String> strings(JsonValue array) {
    Set<String> values = new TreeSet<>();
    array.getAsArray().forEach(v -> values.add(v.getAsString().value()));
    return values;
  }
}
