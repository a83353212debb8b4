package org.w3id.tonet.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnegTest {

  @ParameterizedTest(name = "Accept: [{0}] is read as no preference")
  @ValueSource(strings = {";", " ; ", ";;", ",", " , ;", "text", "/html", "text/", ";q=1"})
  void aHeaderWithoutOneWellFormedRangeIsIgnored(String accept) {
    assertEquals(
        Optional.of(Conneg.Format.HTML), Conneg.choose(accept, Conneg.Format.pageOffers()));
  }

  @ParameterizedTest(name = "Accept: [{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/html,;|HTML",
        ";,text/turtle|TURTLE",
        "text/turtle;;q=0.5, application/ld+json;q=0.9|JSONLD"
      })
  void malformedPartsAreSkippedAndTheRestCounts(String accept, Conneg.Format expected) {
    assertEquals(Optional.of(expected), Conneg.choose(accept, Conneg.Format.pageOffers()));
  }
}
