package org.w3id.tonet.server.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /static/…}: the style sheet and the icon, from the class path. Only the listed files
 * exist.
 *
 * <pre>
 * GET /static/site.css → text/css
 * </pre>
 */
public final class StaticServlet extends SiteServlet {

  /** The WebJar's folder of CodeMirror (the version is the pom's codemirror.version). */
  static final String CODEMIRROR = "/META-INF/resources/webjars/codemirror/5.65.16/";

  /** The CodeMirror files the SPARQL page's editor loads, from the WebJar, and what each is. */
  public static final Map<String, String> EDITOR_FILES = editorFiles();

  private static Map<String, String> editorFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("codemirror/lib/codemirror.css", "text/css; charset=utf-8");
    files.put("codemirror/addon/hint/show-hint.css", "text/css; charset=utf-8");
    files.put("codemirror/lib/codemirror.js", "text/javascript; charset=utf-8");
    files.put("codemirror/mode/sparql/sparql.js", "text/javascript; charset=utf-8");
    files.put("codemirror/addon/edit/matchbrackets.js", "text/javascript; charset=utf-8");
    files.put("codemirror/addon/hint/show-hint.js", "text/javascript; charset=utf-8");
    return files;
  }

  /** File name → resource and content type; nothing else is served. */
  private static final Map<String, String[]> FILES = files();

  private static Map<String, String[]> files() {
    Map<String, String[]> files = new LinkedHashMap<>();
    files.put("site.css", new String[] {"/static/site.css", "text/css; charset=utf-8"});
    files.put("favicon.svg", new String[] {"/static/favicon.svg", "image/svg+xml"});
    files.put(
        "sparql-editor.js",
        new String[] {"/static/sparql-editor.js", "text/javascript; charset=utf-8"});
    for (Map.Entry<String, String> f : EDITOR_FILES.entrySet()) {
      files.put(
          f.getKey(),
          new String[] {CODEMIRROR + f.getKey().substring("codemirror/".length()), f.getValue()});
    }
    return files;
  }

  private final Map<String, byte[]> bytes = new LinkedHashMap<>();

  public StaticServlet(SiteHolder holder) {
    super(holder);
    FILES.forEach((name, file) -> bytes.put(name, read(file[0])));
  }

  /** The files served, by name. */
  static java.util.Set<String> names() {
    return FILES.keySet();
  }

  /** The bytes of a file this servlet serves (the static copy writes them too). */
  public static byte[] file(String name) {
    String[] file = FILES.get(name);
    if (file == null) {
      throw new IllegalArgumentException("no static file " + name);
    }
    return read(file[0]);
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticServlet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
    byte[] body = bytes.get(name);
    if (body == null) {
      notFound(request, response);
      return;
    }
    response.setStatus(200);
    response.setContentType(FILES.get(name)[1]);
    response.setHeader("Cache-Control", "public, max-age=86400");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
