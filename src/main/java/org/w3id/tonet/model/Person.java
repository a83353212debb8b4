package org.w3id.tonet.model;

/**
 * A person named in the source, known only as written there (surname and title), scoped to the
 * meeting where the name appears.
 *
 * <pre>
 * new Person("tanaka", "田中教授", "Professor Tanaka", "国のIT医療政策の第一人者", "tmdu-graduate-school");
 * </pre>
 *
 * @param slug the readable ASCII part of the IRI below the meeting's IRI
 * @param labelJa the name as written (田中教授)
 * @param labelEn an obvious English form (Professor Tanaka)
 * @param descriptionJa the role as written at the time
 * @param affiliationSlug the slug of the organization named with the person, or null
 */
public record Person(
    String slug, String labelJa, String labelEn, String descriptionJa, String affiliationSlug) {}
