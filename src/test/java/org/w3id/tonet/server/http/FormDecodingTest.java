package org.w3id.tonet.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form decoder gives what java.net.URLDecoder gives, for any input. */
class FormDecodingTest {

  @Test
  void aQueryAsBrowsersAndCurlEncodeIt() {
    String query = "# ja: 市町村ごと\nSELECT ?s WHERE { ?s a <urn:x> } # 100% 𠮷";
    assertEquals(query, FormDecoding.decode(URLEncoder.encode(query, StandardCharsets.UTF_8)));
    assertEquals("ASK {}", FormDecoding.decode("ASK+%7B%7D"));
    assertEquals("ASK {}", FormDecoding.decode("ASK%20{}"));
    assertEquals("plain", FormDecoding.decode("plain"));
  }

  @Test
  void randomTextsDecodeAsUrlDecoderDecodesThem() {
    Random random = new Random(20261128);
    String alphabet = "ab+%2F%e3%81%82%ff%C3%28 %41";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        int at = random.nextInt(alphabet.length() - 2);
        text.append(alphabet, at, at + 1 + random.nextInt(2));
      }
      String input = text.toString();
      if (input.contains("%+")) {
        continue; // URLDecoder reads "%+1" as the byte 1 (Integer.parseInt takes a sign): refused
      }
      String expected;
      try {
        expected = URLDecoder.decode(input, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        assertThrows(IllegalArgumentException.class, () -> FormDecoding.decode(input), input);
        continue;
      }
      assertEquals(expected, FormDecoding.decode(input), input);
    }
  }

  @Test
  void aSignIsNotAHexDigit() {
    assertThrows(IllegalArgumentException.class, () -> FormDecoding.decode("%+1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "abc%", "%zz", "%4g", "a%%41"})
  void aMalformedEscapeIsRefused(String input) {
    assertThrows(
        IllegalArgumentException.class, () -> URLDecoder.decode(input, StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class, () -> FormDecoding.decode(input));
  }
}
