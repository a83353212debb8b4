package org.w3id.tonet.sparql;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * The SPARQL endpoints our own endpoint may call out to with SERVICE, and nothing else: an open
 * SERVICE lets anyone make the server send requests to any address it can reach (server-side
 * request forgery), so by default no SERVICE is allowed at all.
 *
 * <pre>
 * ServiceAllowList services = ServiceAllowList.of(List.of("https://regional.example/sparql"));
 * services.refusal(serviceNode);            // Optional.empty() when it is listed
 * services.install(dataset.getContext());   // the query engine enforces it as well
 * </pre>
 *
 * <p>It is enforced twice: {@link QueryInspector} asks {@link #refusal(Node)} for every SERVICE
 * anywhere in a query (403 before it runs), and {@link #install(Context)} puts a guard in front of
 * ARQ's HTTP service executor for the dataset, so a query that reaches the engine by another path
 * cannot call out either. A SERVICE whose address is a variable is always refused: its target is
 * only known from the data.
 */
public final class ServiceAllowList {

  private final Set<String> endpoints;

  private ServiceAllowList(Set<String> endpoints) {
    this.endpoints = endpoints;
  }

  /** No SERVICE at all: the default. */
  public static ServiceAllowList none() {
    return new ServiceAllowList(Set.of());
  }

  /**
   * The endpoints listed, compared as written (no normalization: what is listed is what may be
   * called).
   *
   * @throws IllegalArgumentException when one is not an absolute http(s) URL
   */
  public static ServiceAllowList of(List<String> urls) {
    Set<String> checked = new LinkedHashSet<>();
    for (String url : urls) {
      checked.add(check(url));
    }
    return new ServiceAllowList(Set.copyOf(checked));
  }

  private static String check(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getFragment() == null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected form
    }
    throw new IllegalArgumentException(
        "--allow-service takes the URL of a SPARQL endpoint such as"
            + " https://regional.example/sparql (got \""
            + url
            + "\")");
  }

  /** The endpoints that may be called, in no particular order. */
  public Set<String> endpoints() {
    return endpoints;
  }

  /** Why a SERVICE to this node is refused, or empty when it is allowed. */
  public Optional<String> refusal(Node service) {
    if (service.isURI() && endpoints.contains(service.getURI())) {
      return Optional.empty();
    }
    String what = service.isURI() ? "SERVICE <" + service.getURI() + ">" : "SERVICE " + service;
    if (!service.isURI()) {
      return Optional.of(
          what
              + " is refused: this endpoint calls out only to endpoints it lists, and a SERVICE"
              + " whose address is a variable could reach any server");
    }
    if (endpoints.isEmpty()) {
      return Optional.of(
          what
              + " is refused: this endpoint does not call out to other servers (its operator can"
              + " allow an endpoint with serve --allow-service URL)");
    }
    return Optional.of(
        what + " is refused: this endpoint calls out only to " + String.join(", ", endpoints));
  }

  /**
   * Makes the query engine enforce the list for queries on a dataset with this context: a guard
   * link runs before ARQ's HTTP executor and fails the query for any SERVICE not listed.
   */
  public void install(Context context) {
    ChainingServiceExecutor guard =
        (opExecute, opOriginal, binding, execCxt, chain) -> {
          // opOriginal keeps a variable SERVICE as written; opExecute has it filled in.
          Optional<String> refused = refusal(opOriginal.getService());
          if (refused.isEmpty()) {
            refused = refusal(opExecute.getService());
          }
          if (refused.isPresent()) {
            throw new QueryStoppedException(QueryStop.refused(refused.get()));
          }
          return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        };
    ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
    registry.add(ServiceExecutorRegistry.httpService);
    registry.addSingleLink(guard);
    ServiceExecutorRegistry.set(context, registry);
    // ARQ's own switch as well: with nothing listed, its HTTP executor refuses on its own.
    context.set(Service.httpServiceAllowed, !endpoints.isEmpty());
  }
}
