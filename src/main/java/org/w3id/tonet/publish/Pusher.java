package org.w3id.tonet.publish;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.HttpOp;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;

/**
 * Loads named graphs into any SPARQL 1.1 Graph Store Protocol endpoint (Fuseki, GraphDB, Virtuoso,
 * Oxigraph, QLever …): one HTTP PUT per graph, which replaces that graph and nothing else, so
 * pushing twice leaves the store as pushing once.
 *
 * <pre>
 * List&lt;Pusher.Pushed&gt; pushed =
 *     Pusher.to("http://localhost:3030/ds").credentials("admin", password).push(graphs);
 * </pre>
 *
 * <p>Each PUT is atomic at the store, the push as a whole is not: when one graph fails, the graphs
 * before it are already replaced; the error says which, and pushing again finishes the job.
 */
public final class Pusher {

  /** Long enough for a slow network, short enough that a black-holed address fails visibly. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How long one graph's PUT may take, sending included: a store that accepts the connection and
   * then never answers must end the push with an error, not hang it.
   */
  public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofMinutes(5);

  private final String url;
  private final String user;
  private final String password;
  private final Duration connectTimeout;
  private final Duration answerTimeout;

  private Pusher(
      String url, String user, String password, Duration connectTimeout, Duration answerTimeout) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.connectTimeout = connectTimeout;
    this.answerTimeout = answerTimeout;
  }

  /**
   * A pusher to a Graph Store Protocol endpoint (for Fuseki, the dataset URL, e.g.
   * http://localhost:3030/ds).
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
   */
  public static Pusher to(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")", e);
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "not an http(s) URL: " + url + " (give the store's Graph Store Protocol endpoint)");
    }
    return new Pusher(url, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_ANSWER_TIMEOUT);
  }

  /** Sends these credentials when the store asks (HTTP Basic or Digest). */
  public Pusher credentials(String user, String password) {
    return new Pusher(
        url,
        Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(password, "password"),
        connectTimeout,
        answerTimeout);
  }

  /** How long to wait for a connection to the store. Default 10 s. */
  public Pusher connectTimeout(Duration connectTimeout) {
    return new Pusher(
        url, user, password, Objects.requireNonNull(connectTimeout, "timeout"), answerTimeout);
  }

  /**
   * How long one graph's PUT may take, from sending it to the store's answer. Default 5 minutes.
   *
   * @throws IllegalArgumentException when not positive
   */
  public Pusher answerTimeout(Duration answerTimeout) {
    if (answerTimeout.isNegative() || answerTimeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + answerTimeout);
    }
    return new Pusher(url, user, password, connectTimeout, answerTimeout);
  }

  /** The store's Graph Store Protocol URL. */
  public String url() {
    return url;
  }

  /**
   * One graph replaced at the store.
   *
   * @param graph the graph's name at the store
   * @param triples how many triples were sent
   * @param took how long the PUT took
   */
  public record Pushed(String graph, long triples, Duration took) {}

  /**
   * Replaces each graph at the store, in the order given (put the description last: a reader who
   * sees the new description then also sees the new data).
   *
   * @param graphs the graphs by their names at the store
   * @return what was pushed, in order
   * @throws PushException naming the URL and the failure; graphs before the failing one are already
   *     replaced
   */
  public List<Pushed> push(Map<String, Model> graphs) throws PushException {
    Map<String, Model> ordered = new LinkedHashMap<>(graphs);
    URI uri = URI.create(url);
    // Jena answers a 401 challenge (Basic or Digest) with credentials registered for the URL.
    // The registry is process-wide, so the password is registered only for this push.
    if (user != null) {
      AuthEnv.get().registerUsernamePassword(uri, user, password);
    }
    // Redirects are not followed: a PUT that is redirected may land somewhere the operator did
    // not name, and some clients turn it into a GET. The error asks for the final URL instead.
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<Pushed> pushed = new ArrayList<>();
    // Each PUT runs on a thread of its own so that it can be given up after answerTimeout: the
    // JDK client's timeouts are per request, and Jena makes the requests.
    ExecutorService sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tonet-lod-push");
              t.setDaemon(true);
              return t;
            });
    try (RDFConnection store =
        RDFConnectionRemote.newBuilder().destination(url).httpClient(http).build()) {
      for (Map.Entry<String, Model> graph : ordered.entrySet()) {
        long start = System.nanoTime();
        Future<?> put = sender.submit(() -> store.put(graph.getKey(), graph.getValue()));
        try {
          put.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          put.cancel(true);
          throw new PushException(
              url,
              PushException.Reason.UNREACHABLE,
              -1,
              "the store at "
                  + url
                  + " did not answer the PUT of graph <"
                  + graph.getKey()
                  + "> within "
                  + seconds(answerTimeout)
                  + " (give more time with --timeout, or check the store)"
                  + state(pushed, ordered),
              e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof HttpException answer) {
            throw failure(
                refusalBehind(answer, http, graph.getKey()), graph.getKey(), pushed, ordered);
          }
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          put.cancel(true);
          Thread.currentThread().interrupt();
          throw new PushException(
              url,
              PushException.Reason.UNREACHABLE,
              -1,
              "the push to " + url + " was interrupted" + state(pushed, ordered),
              e);
        }
        pushed.add(
            new Pushed(
                graph.getKey(),
                graph.getValue().size(),
                Duration.ofNanos(System.nanoTime() - start)));
      }
    } finally {
      sender.shutdownNow();
      if (user != null) {
        AuthEnv.get().unregisterUsernamePassword(uri);
      }
    }
    return List.copyOf(pushed);
  }

  /**
   * The store's refusal behind a connection it closed while the graph was being sent, or {@code
   * failed} as it is. A store that refuses a PUT (a 401 for credentials it does not accept, a 403)
   * may answer as soon as it has the headers and close the connection with the body unread; the
   * client, still sending, then meets a broken pipe or a reset instead of the answer (PushIT saw it
   * on a busy machine). A HEAD of the same graph, which has no body to send, gets the answer.
   */
  private HttpException refusalBehind(HttpException failed, HttpClient http, String graph) {
    if (failed.getStatusCode() > 0
        || !hasCause(failed, IOException.class)
        || hasCause(failed, ConnectException.class)
        || hasCause(failed, HttpTimeoutException.class)
        || hasCause(failed, UnknownHostException.class)) {
      return failed;
    }
    try {
      HttpOp.httpHead(http, url + "?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8));
      return failed;
    } catch (HttpException asked) {
      int status = asked.getStatusCode();
      return status == 401 || status == 403 ? asked : failed;
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** What the store holds now: which graphs are replaced and which are not. */
  private static String state(List<Pushed> pushed, Map<String, Model> all) {
    List<String> done = pushed.stream().map(Pushed::graph).toList();
    return done.isEmpty()
        ? "; nothing was changed there"
        : "; already replaced: "
            + String.join(", ", done)
            + "; not replaced: "
            + all.keySet().stream().filter(g -> !done.contains(g)).toList()
            + " (push again to finish)";
  }

  /** Turns Jena's HTTP exception into a message an operator can act on. */
  private PushException failure(
      HttpException e, String graph, List<Pushed> pushed, Map<String, Model> all) {
    int status = e.getStatusCode();
    PushException.Reason reason;
    String what;
    if (status <= 0) {
      reason = PushException.Reason.UNREACHABLE;
      what = "cannot reach the store at " + url + ": " + networkProblem(e);
    } else if (status == 401) {
      reason = PushException.Reason.UNAUTHORIZED;
      what =
          user == null
              ? "the store at " + url + " requires credentials and none were given"
              : "the store at " + url + " did not accept the credentials of user '" + user + "'";
      what += " (" + statusLine(e) + ")";
    } else if (status == 403) {
      reason = PushException.Reason.FORBIDDEN;
      what =
          "the store at "
              + url
              + " forbids "
              + (user == null ? "anonymous writes" : "user '" + user + "' to write")
              + " to graph <"
              + graph
              + "> ("
              + statusLine(e)
              + ")";
    } else {
      reason = PushException.Reason.REFUSED;
      what =
          "the store at "
              + url
              + " refused to replace graph <"
              + graph
              + "> ("
              + statusLine(e)
              + ")"
              + hint(status)
              + responseExcerpt(e);
    }
    return new PushException(url, reason, status, what + state(pushed, all), e);
  }

  private static String hint(int status) {
    if (status == 404) {
      return ": no Graph Store Protocol endpoint at that URL (for Fuseki, give the dataset URL,"
          + " e.g. http://host:3030/ds)";
    }
    if (status == 405) {
      return ": the store does not accept writes there (a read-only dataset, or not its Graph"
          + " Store Protocol endpoint)";
    }
    if (status >= 300 && status < 400) {
      return ": the store redirects; give the final URL";
    }
    return "";
  }

  private static String statusLine(HttpException e) {
    // Jena's status line is only the reason phrase ("Method Not Allowed"): put the code first.
    String reason = e.getStatusLine();
    return "HTTP "
        + e.getStatusCode()
        + (reason == null || reason.isBlank() ? "" : " " + reason.strip());
  }

  /** The first line of the store's error page, which often says what it disliked. */
  private static String responseExcerpt(HttpException e) {
    String body = e.getResponse();
    if (body == null || body.isBlank()) {
      return "";
    }
    String first = body.strip().lines().findFirst().orElse("");
    return ": " + (first.length() > 200 ? first.substring(0, 200) + "…" : first);
  }

  /** The I/O cause, named the way an operator would describe it. */
  private static String networkProblem(Throwable e) {
    // The JDK client wraps an unknown host in a ConnectException: look for the specific causes
    // through the whole chain before settling for "refused".
    if (hasCause(e, UnknownHostException.class) || hasCause(e, UnresolvedAddressException.class)) {
      return "unknown host";
    }
    if (hasCause(e, HttpConnectTimeoutException.class)) {
      return "no answer to the connection within the timeout";
    }
    if (hasCause(e, HttpTimeoutException.class)) {
      return "no answer within the timeout";
    }
    if (hasCause(e, ConnectException.class)) {
      return "connection refused (is it running, and is the port right?)";
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root instanceof IOException && message != null
        ? message
        : root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
