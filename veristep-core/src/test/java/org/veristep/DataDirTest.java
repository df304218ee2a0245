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
            assertEquals(Path.of(UserHome.expand(env)), DataDir.resolve(null));
        } else {
            assertEquals(UserHome.dir().resolve(".cache/veristep"), DataDir.resolve(null));
        }
    }

    @Test
    void defaultIsTheHomeCache() {
        assumeTrue(System.getenv(DataDir.ENV) == null, "VERISTEP_DATA is set in this environment");
        // $HOME when set, not the password database's user.home (they differ under sudo -E, in containers)
        assertEquals(UserHome.dir().resolve(".cache/veristep"), DataDir.resolve(null));
    }

    @Test
    void aLeadingTildeIsTheHomeDirectory() {
        assertEquals(UserHome.dir().resolve("data"), DataDir.resolve(Path.of("~/data")));
        System.setProperty(DataDir.PROPERTY, "~/from/property");
        assertEquals(UserHome.dir().resolve("from/property"), DataDir.resolve(null));
    }
}
