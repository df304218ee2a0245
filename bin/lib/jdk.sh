# Sourced by bin/veristep, bin/test and .ci/run: finds a JDK >= 21 and exports JAVA_HOME.
# Order: JAVA_HOME if it is 21 or newer, else the newest JDK under /usr/lib/jvm, else the
# `java` on PATH if it is new enough. Prints what it needs and returns 1 when none fits.

veristep_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25 ...)
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

veristep_find_jdk() {
  local need=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(veristep_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(veristep_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(veristep_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$need" ]; then best=$candidate; fi
  fi
  if [ -z "$best" ]; then
    echo "veristep: needs a JDK 21 or newer (with javac). JAVA_HOME='${JAVA_HOME:-}' is older or unset," >&2
    echo "  and none was found under /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk)" >&2
    echo "  or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# Maven (run by the wrapper on the JDK found) prints sun.misc.Unsafe warnings on JDK 24+; allow
# that access quietly there. Older JDKs do not know the flag, so it is set only where it exists.
veristep_maven_opts() {
  local major
  major=$(veristep_java_major "$JAVA_HOME/bin/java")
  if [ -n "$major" ] && [ "$major" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
