#!/usr/bin/env bash
# Builds, on a machine with a JDK and Maven Central, everything gpu-check.sh needs on a GPU
# machine that has no Java, no Maven and no network:
#
#   solver-cuda/target/gpu-check/
#     runtime/                           jlink image (java.base, java.logging, jdk.unsupported)
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
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$dst/runtime"

echo "bundle: $(du -sh "$dst" | cut -f1) in $dst"
du -sh "$dst"/runtime "$dst"/*.jar "$dst"/test-classes

# Smoke test with the bundled runtime: here it must report unavailable (status 2), cleanly.
set +e
"$dst/runtime/bin/java" -jar "$dst/expint4j-gpu-check.jar" --quick
status=$?
set -e
echo "smoke test exit status: $status (0 pass, 1 differences, 2 CUDA unavailable, 3 check failed)"
