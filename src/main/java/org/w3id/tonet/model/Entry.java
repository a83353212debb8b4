package org.w3id.tonet.model;

import java.util.List;
import java.util.Objects;

/**
 * One thing the timeline says happened, made from one or more source rows.
 *
 * <pre>
 * Entry e = new Entry.RegistrantMilestone(base, 5000);
 * e.base().when().start(); // 2012-08-20
 * </pre>
 *
 * <p>The kinds mirror the ontology's classes; the RDF stage maps each to its class and IRI.
 */
public sealed interface Entry
    permits Entry.Assembly,
        Entry.WrittenResolution,
        Entry.Symposium,
        Entry.Meeting,
        Entry.MeetingSeries,
        Entry.Establishment,
        Entry.LegalFormChange,
        Entry.Milestone,
        Entry.RegistrantMilestone,
        Entry.InstitutionCountMilestone,
        Entry.Process,
        Entry.Unclassified {

  /** What every entry has. */
  Base base();

  /** The agenda of a meeting that has one; empty for every other entry. */
  default List<AgendaItem> agenda() {
    return List.of();
  }

  /**
   * The parts every entry shares.
   *
   * @param labelJa the Japanese name as written
   * @param labelEn the English name, from a template or the names table
   * @param when when it happened, or its bounds
   * @param fiscalYear the fiscal year of its row, or null for the closing summary's series
   * @param lines every source line it draws on, in file order
   * @param notesJa notes written after ※ on its row
   * @param partOf slugs of the meeting series it belongs to
   * @param altLabelsJa normalised Japanese forms of the name, where the label as written differs
   */
  record Base(
      String labelJa,
      String labelEn,
      When when,
      FiscalYear fiscalYear,
      List<Integer> lines,
      List<String> notesJa,
      List<String> partOf,
      List<String> altLabelsJa) {

    public Base {
      Objects.requireNonNull(labelJa, "labelJa");
      Objects.requireNonNull(labelEn, "labelEn");
      Objects.requireNonNull(when, "when");
      lines = List.copyOf(lines);
      notesJa = List.copyOf(notesJa);
      partOf = List.copyOf(partOf);
      altLabelsJa = List.copyOf(altLabelsJa);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("every entry comes from at least one source line");
      }
    }

    /** A base without alternative labels. */
    public Base(
        String labelJa,
        String labelEn,
        When when,
        FiscalYear fiscalYear,
        List<Integer> lines,
        List<String> notesJa,
        List<String> partOf) {
      this(labelJa, labelEn, when, fiscalYear, lines, notesJa, partOf, List.of());
    }

    /** The same base with a normalised Japanese form of the name, unless it is the label. */
    public Base withAltLabel(String altLabelJa) {
      if (altLabelJa.equals(labelJa) || altLabelsJa.contains(altLabelJa)) {
        return this;
      }
      List<String> more = new java.util.ArrayList<>(altLabelsJa);
      more.add(altLabelJa);
      return new Base(labelJa, labelEn, when, fiscalYear, lines, notesJa, partOf, more);
    }

    /** The same base, also drawing on another line. */
    public Base withLine(int line) {
      if (lines.contains(line)) {
        return this;
      }
      List<Integer> more = new java.util.ArrayList<>(lines);
      more.add(line);
      more.sort(null);
      return new Base(labelJa, labelEn, when, fiscalYear, more, notesJa, partOf, altLabelsJa);
    }

    /** The same base with other dates. */
    public Base withWhen(When other) {
      return new Base(labelJa, labelEn, other, fiscalYear, lines, notesJa, partOf, altLabelsJa);
    }

    /** The same base, also part of a series. */
    public Base withPartOf(String seriesSlug) {
      if (partOf.contains(seriesSlug)) {
        return this;
      }
      List<String> more = new java.util.ArrayList<>(partOf);
      more.add(seriesSlug);
      return new Base(labelJa, labelEn, when, fiscalYear, lines, notesJa, more, altLabelsJa);
    }
  }

  /** The numbering of a general assembly. */
  enum AssemblyKind {
    /** 第N回協議会総会, before the council became an association without legal personality. */
    COUNCIL,
    /** 第N期協議会通常総会. */
    ORDINARY,
    /** 第N回協議会臨時総会. */
    EXTRAORDINARY
  }

  /** A numbered general assembly of the council: one of the 41 of the closing summary. */
  record Assembly(
      Base base,
      AssemblyKind kind,
      int ordinal,
      boolean heldInWriting,
      List<AgendaItem> agenda,
      List<String> jointWith)
      implements Entry {
    public Assembly {
      agenda = List.copyOf(agenda);
      jointWith = List.copyOf(jointWith);
    }
  }

  /** A resolution in writing that is not a numbered assembly. */
  record WrittenResolution(Base base, List<AgendaItem> agenda) implements Entry {
    public WrittenResolution {
      agenda = List.copyOf(agenda);
    }
  }

  /** A regional medical network symposium, with its venue and attendance. */
  record Symposium(Base base, Name venue, int attendance, boolean approximate) implements Entry {}

  /**
   * Any other meeting held on a day.
   *
   * @param slug the event part of its IRI
   * @param organizers slugs of the organizations or units that held it
   * @param lecturers people invited to speak
   */
  record Meeting(
      Base base,
      String slug,
      List<String> organizers,
      List<AgendaItem> agenda,
      List<Person> lecturers)
      implements Entry {
    public Meeting {
      organizers = List.copyOf(organizers);
      agenda = List.copyOf(agenda);
      lecturers = List.copyOf(lecturers);
    }
  }

  /**
   * Recurring meetings known only as a series.
   *
   * @param name the series' entry in the names table (slug, labels, wider series)
   * @param glossJa a bracketed explanation of the name, as written, or ""
   * @param frequencyJa how often it met, as written (月1～2回程度必要に応じて), or ""
   */
  record MeetingSeries(Base base, Name name, String glossJa, String frequencyJa) implements Entry {}

  /** The setting up of an organization or unit (org:ChangeEvent). */
  record Establishment(Base base, String organizationSlug) implements Entry {}

  /**
   * A change in the legal form of an organization that stays the same organization.
   *
   * @param legalFormJa the new legal form as written (権利能力なき社団)
   * @param legalForm the ontology's concept for it (AssociationWithoutLegalPersonality)
   */
  record LegalFormChange(Base base, String organizationSlug, String legalFormJa, String legalForm)
      implements Entry {}

  /** What a milestone marks. */
  enum MilestoneKind {
    PLAN_SUBMITTED,
    PLAN_ADOPTED,
    SYSTEM_LAUNCH
  }

  /**
   * Something reached or begun on a day.
   *
   * @param agent slug of who acted, or null
   * @param recipient slug of to whom, or null
   * @param object slug of the plan or system concerned, or null
   */
  record Milestone(
      Base base, String slug, MilestoneKind kind, String agent, String recipient, String object)
      implements Entry {}

  /** 参加登録者N人を超える. */
  record RegistrantMilestone(Base base, int threshold) implements Entry {}

  /** The number of participating institutions reached a count, as someone joined. */
  record InstitutionCountMilestone(Base base, int count, String joinedSlug) implements Entry {}

  /**
   * An activity begun on a day and carried on (a recruitment, a procurement).
   *
   * @param object slug of the system it serves, or null
   */
  record Process(Base base, String slug, String object) implements Entry {}

  /**
   * A row the parser could not classify further: kept with its text so nothing is lost.
   *
   * @param slug the event part of its IRI
   * @param problem why it could not be read (lenient mode), or "" when it was read but not
   *     classified
   */
  record Unclassified(Base base, String slug, String problem) implements Entry {}
}
