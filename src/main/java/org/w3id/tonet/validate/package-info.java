/**
 * Checking a build: the SHACL shapes of ontology/shapes.ttl, the consistency checks of
 * queries/checks/ and those written in Java ({@code NumberOrderCheck}), each violation named by the
 * source lines at fault ({@code Validator}, {@code Violation}); the folders of SPARQL queries
 * ({@code QueryFolder}).
 *
 * <p>Uses {@code rdf}; used by {@code publish} and the layers above it.
 */
package org.w3id.tonet.validate;
