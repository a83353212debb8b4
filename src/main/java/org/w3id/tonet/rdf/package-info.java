/**
 * From records to triples: every IRI minted in one class ({@code Iris}), the vocabularies ({@code
 * TONET}, {@code SCHEMA}, {@code PROV}, {@code TIME}), the prefixes every document uses ({@code
 * Prefixes}), the mapping of a timeline ({@code TimelineRdf}), of the gazetteer ({@code
 * GazetteerRdf}) and of the readings, and the superclasses stated rather than inferred ({@code
 * Entailments}).
 *
 * <p>Uses {@code source}, {@code model} and {@code parse}; used by {@code council} and every layer
 * above it.
 */
package org.w3id.tonet.rdf;
