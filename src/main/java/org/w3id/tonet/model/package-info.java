/**
 * The records a table is read into: a sealed {@code Entry} with one record per kind of row, dates
 * and how they were found, agenda items, names, the gazetteer and the folder's identity. Plain
 * Java, nothing of RDF or Jena.
 *
 * <p>Uses no other package of ours; every package above {@code source} may use it.
 */
package org.w3id.tonet.model;
