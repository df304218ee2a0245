package org.veristep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of Veristep. */
public final class Veristep {
    private Veristep() {}

    /** {@return the Veristep version, e.g. {@code 0.1.0-SNAPSHOT}} */
    public static String version() {
        return Holder.VERSION;
    }

    private static final class Holder {
        static final String VERSION = load();

        private static String load() {
            try (InputStream in = Veristep.class.getResourceAsStream("version.properties")) {
                if (in == null) return "unknown";
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
