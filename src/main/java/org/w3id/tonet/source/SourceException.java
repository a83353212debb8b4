package org.w3id.tonet.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input cannot be converted; carries every problem found in one run, each with its location.
 *
 * <pre>
 * try { … } catch (SourceException e) { e.problems().forEach(System.err::println); }
 * </pre>
 */
public final class SourceException extends Exception {

  private final List<SourceProblem> problems;

  public SourceException(List<SourceProblem> problems) {
    super(summarize(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SourceException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public SourceException(SourceProblem problem) {
    this(List.of(problem));
  }

  /** Every problem, in file order. */
  public List<SourceProblem> problems() {
    return problems;
  }

  private static String summarize(List<SourceProblem> problems) {
    return problems.stream().map(SourceProblem::toString).collect(Collectors.joining("\n"));
  }
}
