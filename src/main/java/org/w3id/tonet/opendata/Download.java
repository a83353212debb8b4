package org.w3id.tonet.opendata;

/**
 * A file of the open-data views, with what the dataset description says of it.
 *
 * <pre>
 * new Download("tonet-places.csv", bytes, "text/csv", "the places as CSV", null);
 * </pre>
 *
 * @param fileName its name among the downloads
 * @param bytes its content
 * @param mediaType its IANA media type
 * @param description what it holds, in English
 * @param conformsTo the standard it follows (dcterms:conformsTo), or null
 */
public record Download(
    String fileName, byte[] bytes, String mediaType, String description, String conformsTo) {}
