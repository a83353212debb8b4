package org.w3id.tonet.model;

import java.util.List;

/**
 * One item on a meeting's agenda, as written.
 *
 * <pre>
 * new AgendaItem(1, "平成23年度決算等", "Accounts for FY2011, and other matters", false,
 *     List.of(fy2011), List.of());
 * </pre>
 *
 * @param position 1-based position on the agenda
 * @param labelJa the item as written, draft mark included
 * @param labelEn its English, from the folder's agenda.tsv, or "" when the table has none
 * @param draft true when the item carries the draft mark （案）
 * @param fiscalYears the fiscal years the item is about (平成23年度決算 is about FY2011)
 * @param concerns other things the item is about (the system, the council, a symposium)
 */
public record AgendaItem(
    int position,
    String labelJa,
    String labelEn,
    boolean draft,
    List<FiscalYear> fiscalYears,
    List<Ref> concerns) {

  public AgendaItem {
    labelEn = labelEn == null ? "" : labelEn;
    fiscalYears = List.copyOf(fiscalYears);
    concerns = List.copyOf(concerns);
  }
}
