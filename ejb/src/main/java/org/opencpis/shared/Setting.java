package org.opencpis.shared;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one reader of the application's settings. Every setting is read through MicroProfile Config
 * (WildFly's), whose system-property source is fed by the CLI scripts' {@code /system-property}
 * resources, so each stays visible and changeable in the management console; it is read at each
 * use, so a change there takes effect at once. A setting that is absent (or blank) takes its
 * default; one that holds a value that cannot be used is refused, everywhere the same way: an
 * {@link InvalidSettingException} naming the property, its value and what it should hold. Never a
 * silent fallback.
 */
public final class Setting {

  private Setting() {}

  /** The setting's value, trimmed; empty when it is absent or blank. */
  public static Optional<String> text(String name) {
    Optional<String> v;
    try {
      v = config().getOptionalValue(name, String.class);
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      v = Optional.empty();
    }
    return v.map(String::trim).filter(s -> !s.isEmpty());
  }

  public static String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  /** A whole number from {@code min} to {@code max}; the fallback when absent. */
  public static int integer(String name, int fallback, int min, int max) {
    Optional<String> v = text(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidSettingException(
        name,
        v.get(),
        max == Integer.MAX_VALUE
            ? "a whole number, at least " + min
            : "a whole number from " + min + " to " + max);
  }

  /** At least {@code min}. */
  public static int integer(String name, int fallback, int min) {
    return integer(name, fallback, min, Integer.MAX_VALUE);
  }

  /** {@code true} or {@code false} (any case); the fallback when absent. */
  public static boolean flag(String name, boolean fallback) {
    Optional<String> v = text(name);
    if (v.isEmpty()) {
      return fallback;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidSettingException(name, v.get(), "true or false");
    };
  }

  /** A time zone (e.g. Europe/London). */
  public static ZoneId zone(String name, String fallback) {
    String v = text(name, fallback);
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw new InvalidSettingException(name, v, "a time zone such as Europe/London");
    }
  }

  /** A character set the JVM has (e.g. UTF-8). */
  public static Charset charset(String name, String fallback) {
    String v = text(name, fallback);
    try {
      return Charset.forName(v);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(name, v, "a character set such as UTF-8 or ISO-8859-1");
    }
  }

  /**
   * The application's Config: the one of this module's class loader, whatever thread reads (a
   * request, a timer, the MLLP listener's own threads, whose context class loader is not the
   * deployment's).
   */
  private static Config config() {
    return ConfigProvider.getConfig(Setting.class.getClassLoader());
  }
}
