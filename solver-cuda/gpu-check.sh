#!/usr/bin/env bash
# Runs the GPU check on a GPU machine that has no Java, Maven or network, using the bundle built
# by solver-cuda/gpu-bundle.sh (solver-cuda/target/gpu-check). From the repository root:
#
#   solver-cuda/gpu-check.sh [REPORT_DIR] [GpuCheck options, e.g. --quick]
#
# REPORT_DIR defaults to $OUT (the device tool's output folder) or solver-cuda/target/gpu-report.
# Writes nvidia-smi.txt, host.txt (OS, glibc, the shared libraries the natives need),
# gpu-check-report.txt (correctness, bandwidth, the Gaussian-mixture model, whole DPM-Solver runs
# and the sampling throughput), gpu-check-console.txt (the same as it is
# printed, kept if the check is cut off) and gpu-tests.txt (the @Tag("gpu") JUnit tests of
# CudaVectorOpsGpuTest, check.CpuComparisonGpuTest and check.CudaGaussianMixtureModelGpuTest; no
# XML reports: they would need java.xml in the runtime). Both runs are bounded by timeouts (GPU_CHECK_TIMEOUT, GPU_TEST_TIMEOUT
# seconds) that together stay under a 10-minute command limit.
# Exit status: that of GpuCheck (0 pass, 1 differences, 2 CUDA unavailable, 3 failure, 124 timeout),
# or 5 if it passed but a GPU test failed.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bundle="${GPU_BUNDLE:-$here/target/gpu-check}"
report="${1:-${OUT:-$here/target/gpu-report}}"
[ $# -gt 0 ] && shift
java="$bundle/runtime/bin/java"
[ -x "$java" ] || java="$(command -v java || true)"
if [ ! -f "$bundle/expint4j-gpu-check.jar" ] || [ -z "$java" ]; then
  echo "gpu-check.sh: no bundle in $bundle (run solver-cuda/gpu-bundle.sh where Maven works)" >&2
  exit 3
fi
mkdir -p "$report"

(nvidia-smi; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem \
  --format=csv) > "$report/nvidia-smi.txt" 2>&1 || true
# What the natives need besides libcuda (libstdc++, libgcc_s, glibc >= 2.17), for a failed probe.
(uname -a; cat /etc/os-release; ldd --version | head -n 1; nproc; free -g
 ldconfig -p | grep -E 'libcuda\.so|libstdc\+\+\.so|libgcc_s\.so') > "$report/host.txt" 2>&1 || true

# --enable-native-access: JCuda loads its natives with System.load (a warning on JDK >= 22).
timeout "${GPU_CHECK_TIMEOUT:-360}" "$java" --enable-native-access=ALL-UNNAMED -jar "$bundle/expint4j-gpu-check.jar" \
  --report "$report/gpu-check-report.txt" "$@" 2>&1 | tee "$report/gpu-check-console.txt"
status=$?
echo "GpuCheck exit status: $status"

timeout "${GPU_TEST_TIMEOUT:-180}" "$java" --enable-native-access=ALL-UNNAMED \
  -jar "$bundle/junit-platform-console-standalone.jar" execute \
  --class-path "$bundle/expint4j-gpu-check.jar:$bundle/test-classes" \
  --select-class org.expint4j.cuda.CudaVectorOpsGpuTest \
  --select-class org.expint4j.cuda.check.CpuComparisonGpuTest \
  --select-class org.expint4j.cuda.check.CudaGaussianMixtureModelGpuTest --include-tag gpu \
  --details=tree --disable-banner --disable-ansi-colors > "$report/gpu-tests.txt" 2>&1
tests=$?
tail -n 25 "$report/gpu-tests.txt"
echo "GPU tests exit status: $tests; reports in $report"
if [ "$status" -eq 0 ] && [ "$tests" -ne 0 ]; then
  exit 5
fi
exit "$status"
