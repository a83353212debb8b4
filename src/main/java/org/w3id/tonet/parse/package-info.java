/**
 * Reading the timeline table: cells found by their shape, fiscal years carried down, eras turned
 * into dates with ICU4J (dates and eras: {@code DateCell}, {@code JapaneseEras}), each row's kind
 * recognised from its shape and the folder's words ({@code Phrasing}, {@code RowClassifier}),
 * brackets, venues and agenda items read ({@code Brackets}), and the records of {@code model} made
 * ({@code TimelineParser}); the gazetteer and reading tables; what a folder lacks to read a row
 * ({@code RowHints}).
 *
 * <p>Uses {@code source} and {@code model}; used by {@code rdf}, {@code council} and the layers
 * above them.
 */
package org.w3id.tonet.parse;
