package org.w3id.tonet.parse;

/** A row that cannot be read as written; the message says what was expected. */
final class RowProblem extends Exception {

  private final int cell;

  RowProblem(String message, int cell) {
    super(message);
    this.cell = cell;
  }

  /** The 1-based cell at fault, 0 for the whole row. */
  int cell() {
    return cell;
  }
}
