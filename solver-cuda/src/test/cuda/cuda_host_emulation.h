// A minimal host emulation of the CUDA features expint4j_kernels.cu uses, so that the kernels'
// logic (indices, tails, accumulation, blocked reductions, barriers) runs on a CPU in tests.
// Each thread of a block is a std::thread; blocks run one after another, so __shared__ (static)
// storage is private to the running block; __syncthreads is a std::barrier. Rounded intrinsics
// map to plain IEEE operations compiled without contraction (-ffp-contract=off, SSE2).
// It emulates semantics, not performance or memory-model corner cases.
#pragma once

#include <barrier>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <math.h>
#include <thread>
#include <vector>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static
#define __launch_bounds__(x)

struct dim3 {
    unsigned x = 1, y = 1, z = 1;
};
inline thread_local dim3 threadIdx;
inline thread_local dim3 blockIdx;
inline dim3 blockDim;
inline dim3 gridDim;
inline std::barrier<>* emulated_barrier = nullptr;

inline void __syncthreads() { emulated_barrier->arrive_and_wait(); }

struct double2 { double x, y; };
struct float2 { float x, y; };
struct float4 { float x, y, z, w; };

inline double __dmul_rn(double a, double b) { return a * b; }
inline double __dadd_rn(double a, double b) { return a + b; }
inline double __dsub_rn(double a, double b) { return a - b; }
inline double __ddiv_rn(double a, double b) { return a / b; }
inline double __dsqrt_rn(double a) { return std::sqrt(a); }
inline float __fmul_rn(float a, float b) { return a * b; }
inline float __fadd_rn(float a, float b) { return a + b; }
inline float __fsub_rn(float a, float b) { return a - b; }
inline float __double2float_rn(double d) { return static_cast<float>(d); }
inline double __longlong_as_double(long long v) {
    double d;
    std::memcpy(&d, &v, sizeof d);
    return d;
}

// Launches kernel<<<grid, block>>>(args): blocks in order, the threads of a block concurrently.
template <typename Args>
void emulate_launch(void (*kernel)(Args), unsigned grid, unsigned block, const Args& args) {
    gridDim.x = grid;
    blockDim.x = block;
    for (unsigned b = 0; b < grid; ++b) {
        std::barrier<> barrier(block);
        emulated_barrier = &barrier;
        std::vector<std::thread> threads;
        threads.reserve(block);
        for (unsigned t = 0; t < block; ++t) {
            threads.emplace_back([&args, kernel, b, t] {
                blockIdx.x = b;
                threadIdx.x = t;
                kernel(args);
            });
        }
        for (std::thread& th : threads) {
            th.join();
        }
    }
}
