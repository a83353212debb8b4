package org.w3id.tonet.opendata;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.w3id.tonet.council.Council;

/**
 * Every file of the open-data views of a build's data, in the order they are listed.
 *
 * <pre>
 * List&lt;Download&gt; views = OpenData.downloads(build.data(), build.council());
 * </pre>
 */
public final class OpenData {

  private OpenData() {}

  /** The CSV tables with their metadata, then the standard event list. */
  public static List<Download> downloads(Model data, Council council) {
    List<Download> views = new ArrayList<>(CsvTables.downloads(data));
    views.add(EventList.download(data, council));
    return views;
  }
}
