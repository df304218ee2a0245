package org.veristep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataDirTest {
    @AfterEach
    void clear() {
        System.clearProperty(DataDir.PROPERTY);
    }

    @Test
    void flagThenPropertyThenEnvironmentThenHomeCache() {
        System.setProperty(DataDir.PROPERTY, "/from/property");
        assertEquals(Path.of("/from/flag"), DataDir.resolve(Path.of("/from/flag")));
        assertEquals(Path.of("/from/property"), DataDir.resolve(null));
        System.clearProperty(DataDir.PROPERTY);
        String env = System.getenv(DataDir.ENV);
        if (env != null && !env.isBlank()) {
            assertEquals(Path.of(env), DataDir.resolve(null));
        } else {
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "veristep"), DataDir.resolve(null));
        }
    }

    @Test
    void defaultIsTheHomeCache() {
        assumeTrue(System.getenv(DataDir.ENV) == null, "VERISTEP_DATA is set in this environment");
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "veristep"), DataDir.resolve(null));
    }
}
