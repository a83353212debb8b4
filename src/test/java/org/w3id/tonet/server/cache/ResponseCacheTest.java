package org.w3id.tonet.server.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3id.tonet.server.Http;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.Negotiation;

/**
 * The edge cache in front of the pages: a repeated GET is answered with the same status, headers
 * and bytes without reaching the pages; only successes and redirects are kept, never what was
 * answered before the site was ready, never a request with a date or range condition, never an
 * answer larger than {@link ResponseCache#LARGEST}; a query string (no page reads one) is a
 * cache-buster, answered with what is kept for the path; If-None-Match on a kept answer gives 304.
 */
class ResponseCacheTest {

  private Server server;
  private String url;
  private final AtomicBoolean ready = new AtomicBoolean(true);

  /** How many times the pages were asked for each path (with its query, if any). */
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

  /**
   * Stands in for the pages: the answer depends on the path and on the representation the Accept
   * header selects (the format and the name it is sent under), chosen as the pages choose and
   * declared as they declare it; /undeclared says nothing of how it chooses, and /for-its-client
   * marks its answer as made for its client alone.
   */
  private final class Pages extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String query = request.getHttpURI().getQuery();
      asked
          .computeIfAbsent(path + (query == null ? "" : "?" + query), k -> new AtomicInteger())
          .incrementAndGet();
      String accept = request.getHeaders().get(HttpHeader.ACCEPT);
      Conneg.Choices choices = Conneg.Choices.of(accept);
      String chosen =
          Negotiation.PAGE.choose(choices).map(Negotiation.Chosen::contentType).orElse("nothing");
      byte[] body;
      switch (path) {
        case "/missing" -> {
          response.setStatus(404);
          body = "no such page".getBytes(StandardCharsets.UTF_8);
        }
        case "/id/x" -> {
          response.setStatus(303);
          response.getHeaders().put(HttpHeader.LOCATION, "/page/x");
          body = new byte[0];
        }
        case "/large" -> body = new byte[ResponseCache.LARGEST + 1];
        case "/undeclared" -> {
          response.setStatus(200);
          body = String.valueOf(accept).getBytes(StandardCharsets.UTF_8);
        }
        case "/for-its-client" -> {
          request.setAttribute(Negotiation.ATTRIBUTE, Negotiation.NONE);
          request.setAttribute(ResponseCache.FOR_ITS_CLIENT, Boolean.TRUE);
          response.setStatus(200);
          body = "uncompressed, for this client".getBytes(StandardCharsets.UTF_8);
        }
        default -> {
          request.setAttribute(Negotiation.ATTRIBUTE, Negotiation.PAGE);
          response.setStatus(200);
          body = ("page " + path + " as " + chosen).getBytes(StandardCharsets.UTF_8);
          response.getHeaders().put(HttpHeader.ETAG, "\"" + (path + chosen).hashCode() + "\"");
          response.getHeaders().put(HttpHeader.LINK, "<" + path + ">; rel=\"describedby\"");
        }
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
      // Every request gets this one; it must never be kept with an answer.
      response.getHeaders().put("X-Request", String.valueOf(System.nanoTime()));
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new ResponseCache(new Pages(), ready::get, 4L << 20));
    server.start();
    url = "http://127.0.0.1:" + connector.getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private int asked(String path) {
    AtomicInteger n = asked.get(path);
    return n == null ? 0 : n.get();
  }

  @Test
  void aRepeatedGetIsTheSameAnswerWithoutThePages() throws Exception {
    HttpResponse<byte[]> first = Http.get(url + "/page/a", "Accept", "text/html");
    HttpResponse<byte[]> second = Http.get(url + "/page/a", "Accept", "text/html");
    assertEquals(1, asked("/page/a"));
    assertEquals(200, second.statusCode());
    assertArrayEquals(first.body(), second.body());
    for (String h : new String[] {"Content-Type", "ETag", "Link", "Content-Length"}) {
      assertEquals(Http.header(first, h), Http.header(second, h), h);
    }
    assertNull(Http.header(second, "X-Request"), "a per-request header was kept");
  }

  @Test
  void eachRepresentationHasItsOwnAnswer() throws Exception {
    HttpResponse<byte[]> html = Http.get(url + "/page/a", "Accept", "text/html");
    HttpResponse<byte[]> turtle = Http.get(url + "/page/a", "Accept", "text/turtle");
    Http.get(url + "/page/a", "Accept", "text/turtle");
    assertEquals(2, asked("/page/a"));
    assertEquals(
        "page /page/a as text/html; charset=utf-8",
        new String(html.body(), StandardCharsets.UTF_8));
    assertEquals(
        "page /page/a as text/turtle; charset=utf-8",
        new String(turtle.body(), StandardCharsets.UTF_8));
  }

  /**
   * Every Accept header that selects the same representation, under the same name, is one answer: a
   * client varying its Accept header makes the pages answer once, not once per header.
   */
  @Test
  void acceptHeadersThatSelectTheSameRepresentationShareOneAnswer() throws Exception {
    List<String> html = new ArrayList<>();
    html.add("text/html");
    html.add("TEXT/HTML");
    html.add("text/html, */*;q=0.1");
    html.add("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    html.add("*/*");
    html.add("");
    for (int i = 0; i < 30; i++) {
      html.add("text/html;q=0." + (i % 9 + 1) + ", x-bust/v" + i + ";q=0.01");
    }
    for (String accept : html) {
      HttpResponse<byte[]> r = Http.get(url + "/page/h", "Accept", accept);
      assertEquals(
          "page /page/h as text/html; charset=utf-8",
          new String(r.body(), StandardCharsets.UTF_8),
          accept);
    }
    assertEquals(1, asked("/page/h"), "made once for " + html.size() + " Accept headers");
  }

  /**
   * An answer that does not say how it was chosen (another handler than our servlets) may depend on
   * anything in the Accept header: it is kept for the header as it is written.
   */
  @Test
  void anAnswerThatDoesNotSayHowItWasChosenIsKeptPerAcceptHeader() throws Exception {
    List<String> accepts =
        List.of("text/html", "text/html;q=1", "text/html; level=1", "*/*", "text/n3");
    for (int round = 0; round < 2; round++) {
      for (String accept : accepts) {
        HttpResponse<byte[]> r = Http.get(url + "/undeclared", "Accept", accept);
        assertEquals(accept, new String(r.body(), StandardCharsets.UTF_8));
      }
    }
    assertEquals(accepts.size(), asked("/undeclared"), "made once per header, as written");
  }

  /** An answer made for its client alone is never sent to another (nor to it again). */
  @Test
  void anAnswerMadeForItsClientAloneIsNotKept() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, Http.get(url + "/for-its-client", "Accept", "text/html").statusCode());
    }
    assertEquals(3, asked("/for-its-client"));
  }

  /**
   * A format asked for under an older name is answered under that name (issue 16): the older name
   * is another answer, never the same bytes under the other name.
   */
  @Test
  void aFormatAskedForUnderAnOlderNameIsAnotherAnswer() throws Exception {
    Map<String, String> expected =
        Map.of(
            "application/n-triples", "application/n-triples",
            "application/n-triples, text/plain;q=0.5", "application/n-triples",
            "text/plain", "text/plain",
            "text/plain, */*;q=0.1", "text/plain",
            "text/n3", "text/n3",
            "text/turtle;q=0.5, text/n3", "text/n3",
            "text/turtle", "text/turtle");
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        HttpResponse<byte[]> r = Http.get(url + "/page/n", "Accept", e.getKey());
        assertEquals(
            "page /page/n as " + e.getValue() + "; charset=utf-8",
            new String(r.body(), StandardCharsets.UTF_8),
            e.getKey());
      }
    }
    assertEquals(4, asked("/page/n"), "one answer per name: n-triples, text/plain, n3, turtle");
  }

  @Test
  void aKeptAnswerGives304ToItsETagAndAnswersHead() throws Exception {
    HttpResponse<byte[]> first = Http.get(url + "/page/b", "Accept", "text/html");
    String etag = Http.header(first, "ETag");
    HttpResponse<byte[]> again =
        Http.get(url + "/page/b", "Accept", "text/html", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, Http.header(again, "ETag"));
    HttpResponse<byte[]> head = Http.head(url + "/page/b", "Accept", "text/html");
    assertEquals(200, head.statusCode());
    assertEquals(String.valueOf(first.body().length), Http.header(head, "Content-Length"));
    assertEquals(1, asked("/page/b"));
  }

  @Test
  void redirectsAreKeptFailuresAreNot() throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> see = Http.get(url + "/id/x", "Accept", "text/html");
      assertEquals(303, see.statusCode());
      assertEquals("/page/x", Http.header(see, "Location"));
      assertEquals(404, Http.get(url + "/missing", "Accept", "text/html").statusCode());
    }
    assertEquals(1, asked("/id/x"));
    assertEquals(3, asked("/missing"));
  }

  @Test
  void aCacheBusterIsAnsweredWithWhatIsKeptForThePath() throws Exception {
    HttpResponse<byte[]> plain = Http.get(url + "/page/c", "Accept", "text/html");
    for (int i = 0; i < 20; i++) {
      HttpResponse<byte[]> busted = Http.get(url + "/page/c?bust=" + i, "Accept", "text/html");
      assertArrayEquals(plain.body(), busted.body());
      assertEquals(Http.header(plain, "ETag"), Http.header(busted, "ETag"));
    }
    assertEquals(1, asked("/page/c"), "the pages made it once");
    assertEquals(0, asked("/page/c?bust=7"));
  }

  @Test
  void conditionsAndLargeAnswersAlwaysGoToThePages() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertEquals(
          ResponseCache.LARGEST + 1, Http.get(url + "/large", "Accept", "*/*").body().length);
    }
    assertEquals(2, asked("/large"));
    Http.get(url + "/downloads/tonet.ttl", "Accept", "*/*");
    Http.get(url + "/downloads/tonet.ttl", "Accept", "*/*");
    assertEquals(1, asked("/downloads/tonet.ttl"));
    Http.get(
        url + "/downloads/tonet.ttl",
        "Accept",
        "*/*",
        "If-Modified-Since",
        "Sat, 28 Nov 2026 00:00:00 GMT");
    Http.get(url + "/downloads/tonet.ttl", "Accept", "*/*", "Range", "bytes=0-9");
    assertEquals(3, asked("/downloads/tonet.ttl"));
  }

  /** The pages read Accept-Encoding for one thing: whether gzip is taken. */
  @Test
  void anAnswerWithGzipAndOneWithoutForEveryAcceptEncoding() throws Exception {
    for (String encoding :
        List.of("", "gzip;q=0", "identity", "br", "gzip", "gzip, deflate, br", "br, gzip;q=0.5")) {
      Http.get(url + "/page/e", "Accept", "text/html", "Accept-Encoding", encoding);
    }
    Http.get(url + "/page/e", "Accept", "text/html");
    assertEquals(2, asked("/page/e"));
  }

  @Test
  void nothingIsKeptBeforeTheSiteIsReady() throws Exception {
    ready.set(false);
    Http.get(url + "/page/d", "Accept", "text/html");
    Http.get(url + "/page/d", "Accept", "text/html");
    assertEquals(2, asked("/page/d"));
    ready.set(true);
    Http.get(url + "/page/d", "Accept", "text/html");
    Http.get(url + "/page/d", "Accept", "text/html");
    assertEquals(3, asked("/page/d"));
  }
}
