package org.w3id.tonet.model;

/**
 * A 6-digit 全国地方公共団体コード (nationwide local-government code, JIS X 0402): the 5-digit code of a
 * prefecture or municipality followed by its check digit (検査数字). Municipal open data in Japan is
 * keyed on it; the gazetteer keeps the 5-digit standard area codes, and the check digit is
 * computed, never written by hand.
 *
 * <pre>
 * LocalGovernmentCode.of("11210").value(); // "112101"
 * LocalGovernmentCode.of("11000").value(); // "110001" (a prefecture's code ends in 000)
 * </pre>
 *
 * <p>The rule, as the Ministry of Internal Affairs and Communications (総務省) states it: multiply the
 * first to fifth digits by 6, 5, 4, 3 and 2, add the products, divide the sum by 11, and take the
 * last digit of 11 minus the remainder (第1桁から第5桁までの数字に、それぞれ6.5.4.3.2を乗じて算出した積の和を求め、その和を11で除し、
 * …11と余り数字との差の下1桁の数字を検査数字とする). A remainder of 0 gives 1 (11), a remainder of 1 gives 0 (10).
 *
 * @param value the six digits
 */
public record LocalGovernmentCode(String value) {

  private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

  public LocalGovernmentCode {
    if (value == null
        || !value.matches("[0-9]{6}")
        || checkDigit(value.substring(0, 5)) != value.charAt(5)) {
      throw new IllegalArgumentException(
          "not a local-government code (5 digits and their check digit): " + value);
    }
  }

  /** The code of a 5-digit standard area code, with its check digit. */
  public static LocalGovernmentCode of(String fiveDigits) {
    return new LocalGovernmentCode(fiveDigits + checkDigit(fiveDigits));
  }

  /** The check digit of a 5-digit code. */
  public static char checkDigit(String fiveDigits) {
    if (fiveDigits == null || !fiveDigits.matches("[0-9]{5}")) {
      throw new IllegalArgumentException("a standard area code has 5 digits: " + fiveDigits);
    }
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (fiveDigits.charAt(i) - '0') * WEIGHTS[i];
    }
    return (char) ('0' + (11 - sum % 11) % 10);
  }

  /** The 5-digit code, without its check digit. */
  public String fiveDigits() {
    return value.substring(0, 5);
  }

  @Override
  public String toString() {
    return value;
  }
}
