/**
 * A council folder: its identity, the table it names, its names, words, settings, phrases, agenda
 * English, gazetteer and readings, read with every problem of every file in one run ({@code
 * Council}, {@code CouncilFolder}); the folder's expected output ({@code Expected}); the draft of a
 * new folder ({@code Drafter}).
 *
 * <p>Uses {@code source}, {@code model}, {@code parse} and {@code rdf}; used by {@code publish},
 * the server and {@code cli}.
 */
package org.w3id.tonet.council;
