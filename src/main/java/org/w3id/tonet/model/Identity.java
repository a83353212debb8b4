package org.w3id.tonet.model;

import java.util.List;
import java.util.Objects;

/**
 * What a publication says of itself, from its council folder's {@code identity.tsv}: its table,
 * whose timeline it is, its titles and description, keywords, the attribution the council asks for,
 * and who publishes it.
 *
 * <pre>
 * Identity id = council.identity();
 * id.council();        // "council": the slug of the organization whose timeline it is
 * id.title().ja();     // the dataset's title in Japanese
 * </pre>
 *
 * @param table the table's file name in the folder
 * @param council the slug of the organization whose timeline it is
 * @param system the slug of its information system, or "" when it has none
 * @param title the dataset's title
 * @param siteName the short name heading every page
 * @param description what the dataset holds
 * @param keywordsJa its Japanese keywords
 * @param keywordsEn its English keywords
 * @param attribution the credit the council asks for (Japanese)
 * @param gazetteer what the gazetteer holds, or empty text when the folder has none
 * @param publisher who publishes the dataset, or empty text when not said
 * @param publisherPage the publisher's web page, or ""
 * @param contact where to write about the dataset (mailto: or https:), or ""
 */
public record Identity(
    String table,
    String council,
    String system,
    Text title,
    Text siteName,
    Text description,
    List<String> keywordsJa,
    List<String> keywordsEn,
    String attribution,
    Text gazetteer,
    Text publisher,
    String publisherPage,
    String contact) {

  /**
   * A text in Japanese and English.
   *
   * @param ja the Japanese, or ""
   * @param en the English, or ""
   */
  public record Text(String ja, String en) {

    /** No text. */
    public static final Text NONE = new Text("", "");

    public Text {
      Objects.requireNonNull(ja, "ja");
      Objects.requireNonNull(en, "en");
    }

    /** True when neither language is given. */
    public boolean isEmpty() {
      return ja.isEmpty() && en.isEmpty();
    }
  }

  public Identity {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(council, "council");
    keywordsJa = List.copyOf(keywordsJa);
    keywordsEn = List.copyOf(keywordsEn);
  }
}
