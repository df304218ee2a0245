package org.veristep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Home is $HOME when set (as in the shells and Python's expanduser), else user.home; only a leading ~ expands. */
class UserHomeTest {
    private static final Path ALICE = Path.of("/home/alice");

    @Test
    void homeIsTheHomeVariableWhenSetElseUserHome() {
        assertEquals(ALICE, UserHome.dir(Map.of("HOME", "/home/alice"), "/root"));
        assertEquals(Path.of("/root"), UserHome.dir(Map.of(), "/root"));
        assertEquals(Path.of("/root"), UserHome.dir(Map.of("HOME", " "), "/root"));
        // this process: $HOME when the environment has it
        String home = System.getenv("HOME");
        assertEquals(Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")), UserHome.dir());
    }

    @Test
    void onlyALeadingTildeExpands() {
        assertEquals("/home/alice/data/pairs.jsonl", UserHome.expand("~/data/pairs.jsonl", ALICE));
        assertEquals("/home/alice", UserHome.expand("~", ALICE));
        assertEquals("/home/alice", UserHome.expand("~/", ALICE));
        assertEquals("~bob/pairs.jsonl", UserHome.expand("~bob/pairs.jsonl", ALICE), "no password-database lookup");
        assertEquals("data/~/pairs.jsonl", UserHome.expand("data/~/pairs.jsonl", ALICE));
        assertEquals("/tmp/pairs.jsonl", UserHome.expand("/tmp/pairs.jsonl", ALICE));
        assertEquals("~pairs.jsonl", UserHome.expand("~pairs.jsonl", ALICE));
        // the public form uses this process's home
        assertEquals(UserHome.dir().resolve("x.jsonl").toString(), UserHome.expand("~/x.jsonl"));
        assertEquals(UserHome.dir().resolve("x.jsonl"), UserHome.expand(Path.of("~/x.jsonl")));
        assertEquals(Path.of("rel/x.jsonl"), UserHome.expand(Path.of("rel/x.jsonl")));
    }
}
