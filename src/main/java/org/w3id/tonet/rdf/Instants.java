package org.w3id.tonet.rdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.tonet.parse.JapaneseEras;

/**
 * The time:Instant of a day ({@code id/date/{yyyy-mm-dd}}), labelled with its Japanese-era form and
 * in English. Fiscal years and municipal statuses share these instants, so one day is one resource
 * with one set of labels however many intervals begin or end on it. Callers name what made the day
 * (prov:wasInfluencedBy): the fiscal-year rule, or the gazetteer row of a period.
 *
 * <pre>
 * Resource day = Instants.of(model, iris, LocalDate.of(2012, 10, 1)); // 平成24年10月1日
 * </pre>
 */
final class Instants {

  private static final DateTimeFormatter ENGLISH_DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private Instants() {}

  /** The instant of a day, with its type, date and labels, added to the model. */
  static Resource of(Model model, Iris iris, LocalDate day) {
    Resource r = model.createResource(iris.day(day));
    r.addProperty(RDF.type, TIME.Instant);
    r.addProperty(RDF.type, TIME.TemporalEntity);
    r.addLiteral(TIME.inXSDDate, model.createTypedLiteral(day.toString(), XSDDatatype.XSDdate));
    r.addProperty(RDFS.label, JapaneseEras.format(day), "ja");
    r.addProperty(RDFS.label, ENGLISH_DAY.format(day), "en");
    return r;
  }
}
