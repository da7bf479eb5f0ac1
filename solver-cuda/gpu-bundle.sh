#!/usr/bin/env bash
# Builds, on a machine with a JDK and Maven Central, everything gpu-check.sh needs on a GPU
# machine that has no Java, no Maven and no network:
#
#   solver-cuda/target/gpu-check/
#     runtime/                           jlink image (java.base, java.logging, jdk.unsupported),
#                                        from a Temurin JDK if one is installed (portable glibc)
#     expint4j-gpu-check.jar             fat jar: GpuCheck + solver-core + Commons Math + JCuda
#                                        with only libJCudaDriver (linux-x86_64)
#     junit-platform-console-standalone.jar + test-classes/   to run the @Tag("gpu") tests
#
# Carry that folder (and solver-cuda/gpu-check.sh) to the GPU machine. Here, without a GPU, the
# smoke test at the end must print "unavailable: <reason>" and exit with status 2.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
junit_platform=1.14.4   # the platform of the JUnit BOM 5.14.4 managed in the parent pom
dst=solver-cuda/target/gpu-check

./mvnw -B -q -pl solver-cuda -am package -DskipTests
jar="$(ls solver-cuda/target/solver-cuda-*-gpu-check.jar)"

rm -rf "$dst"
mkdir -p "$dst"
cp "$jar" "$dst/expint4j-gpu-check.jar"
cp -r solver-cuda/target/test-classes "$dst/test-classes"
./mvnw -B -q -N dependency:copy \
  -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_platform" \
  -DoutputDirectory="$dst"
mv "$dst/junit-platform-console-standalone-$junit_platform.jar" "$dst/junit-platform-console-standalone.jar"

# jdeps lists java.base, java.logging (JCuda's LibUtils) and java.desktop, the latter only for
# Commons Math's 2-D geometry (java.awt.geom), which nothing here loads; the console launcher
# adds java.sql only for a CSV helper of parameterized tests that these tests do not use.
echo "jdeps (fat jar): $(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$dst/expint4j-gpu-check.jar")"
modules=java.base,java.logging,jdk.unsupported
# Prefer a Temurin JDK's jlink: its libjvm needs glibc >= 2.17, so the runtime starts on older
# GPU hosts; Debian's OpenJDK 17 needs glibc >= 2.34. JLINK=/path/to/jlink overrides. Any
# JDK >= 17 runs the Java 17 classes.
jlink_bin="${JLINK:-}"
if [ -z "$jlink_bin" ]; then
  for candidate in /usr/lib/jvm/temurin-*/bin/jlink; do
    [ -x "$candidate" ] && jlink_bin="$candidate"
  done
fi
jlink_bin="${jlink_bin:-jlink}"
major="$("$jlink_bin" --version)"
major="${major%%.*}"
if [ "$major" -ge 21 ]; then compress=zip-9; else compress=2; fi
"$jlink_bin" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress="$compress" --output "$dst/runtime"
glibc="$(objdump -T "$dst/runtime/lib/server/libjvm.so" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -V | tail -n 1 || true)"
echo "runtime: $("$dst/runtime/bin/java" -version 2>&1 | head -n 1), from $jlink_bin, libjvm needs ${glibc:-unknown}"

echo "bundle: $(du -sh "$dst" | cut -f1) in $dst"
du -sh "$dst"/runtime "$dst"/*.jar "$dst"/test-classes

# Smoke test with the bundled runtime: here it must report unavailable (status 2), cleanly.
set +e
"$dst/runtime/bin/java" --enable-native-access=ALL-UNNAMED -jar "$dst/expint4j-gpu-check.jar" --quick
status=$?
set -e
echo "smoke test exit status: $status (0 pass, 1 differences, 2 CUDA unavailable, 3 check failed)"
