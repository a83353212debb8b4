package org.w3id.tonet.bench;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.JapaneseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.Date;

/**
 * What ICU's Japanese calendar costs a fresh JVM before the first fiscal year can be read: the
 * calendar, its era names, the first formatter and the first format. Run it in a new JVM each time.
 *
 * <pre>
 * java -Xms1g -Xmx1g -XX:+UseG1GC -cp target/tonet-lod.jar:bench/target/bench-classes \
 *     org.w3id.tonet.bench.IcuColdStart
 * </pre>
 */
public final class IcuColdStart {

  private IcuColdStart() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    ULocale japanese = new ULocale("ja_JP@calendar=japanese");
    JapaneseCalendar calendar = new JapaneseCalendar(TimeZone.GMT_ZONE, japanese);
    long t1 = System.nanoTime();
    String[] eras = new DateFormatSymbols(calendar, japanese).getEraNames();
    long t2 = System.nanoTime();
    SimpleDateFormat format = new SimpleDateFormat("GGGGy年", japanese);
    format.setTimeZone(TimeZone.GMT_ZONE);
    long t3 = System.nanoTime();
    String year = format.format(new Date(1_279_584_000_000L)); // 2010-07-20
    long t4 = System.nanoTime();
    System.out.printf(
        "JapaneseCalendar %d ms, DateFormatSymbols %d ms (%d eras), SimpleDateFormat %d ms,"
            + " first format %d ms (%s); total %d ms%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        eras.length,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000,
        year,
        (t4 - t0) / 1_000_000);
  }
}
