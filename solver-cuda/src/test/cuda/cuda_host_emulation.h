// A minimal host emulation of the CUDA features expint4j_kernels.cu uses, so that the kernels'
// logic (indices, tails, accumulation, blocked reductions, barriers) runs on a CPU in tests.
// Each thread of a block is a std::thread; blocks run one after another, so __shared__ (static)
// storage is private to the running block; __syncthreads is a std::barrier, or the hook a launcher
// installs (emulated_driver.cpp runs a block's threads as fibers and switches at the barrier). Rounded intrinsics
// map to plain IEEE operations compiled without contraction (-ffp-contract=off, SSE2).
// Dynamic shared memory is one buffer per launch, filled with NaN before every block so that a
// read before a write shows. exp() of the kernels can be replaced (emulated_exp_mode) to model a
// device exp that differs from the C library's by an ulp, or a wrong one.
// It emulates semantics, not performance or memory-model corner cases.
#pragma once

#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <math.h>
#include <thread>
#include <vector>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static
#define __launch_bounds__(x)
#define __noinline__

// Dynamic shared memory: the kernel source declares it through this macro.
inline double* emulated_dynamic_shared = nullptr;
#define EXPINT4J_DYNAMIC_SHARED(name) double* name = emulated_dynamic_shared

struct dim3 {
    unsigned x = 1, y = 1, z = 1;
};
inline thread_local dim3 threadIdx;
inline thread_local dim3 blockIdx;
inline dim3 blockDim;
inline dim3 gridDim;
inline std::barrier<>* emulated_barrier = nullptr;
inline void (*emulated_syncthreads_hook)() = nullptr;

inline void __syncthreads() {
    if (emulated_syncthreads_hook != nullptr) {
        emulated_syncthreads_hook();
    } else {
        emulated_barrier->arrive_and_wait();
    }
}

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

// 0: the C library's exp (glibc: within about 0.5 ulp); 1: that result moved by -1, 0 or +1 ulp,
// chosen by a hash of the argument (a device exp within 1 ulp of the correctly rounded value, as
// CUDA documents); 2: off by a relative 2^-40 for two thirds of the arguments (a wrong exp, which the
// agreement bound must catch). emulate_kernels.cpp routes the kernels' exp() here.
inline int emulated_exp_mode = 0;

inline double emulated_exp(double z) {
    double e = std::exp(z);
    uint64_t bits;
    std::memcpy(&bits, &z, sizeof bits);
    const uint64_t h = (bits ^ (bits >> 29)) * 0x9E3779B97F4A7C15ULL;
    const int choice = static_cast<int>((h >> 40) % 3);
    if (emulated_exp_mode == 1 && e > 0 && e < std::numeric_limits<double>::infinity()) {
        if (choice == 1) e = std::nextafter(e, std::numeric_limits<double>::infinity());
        if (choice == 2) e = std::nextafter(e, 0.0);
    } else if (emulated_exp_mode == 2 && choice != 0) {
        e = e * (1 + 0x1p-40);
    }
    return e;
}

// Launches kernel<<<grid, block, shared_bytes>>>(args): blocks in order, the threads of a block
// concurrently.
template <typename Args>
void emulate_launch(void (*kernel)(Args), unsigned grid, unsigned block, const Args& args,
                    size_t shared_bytes = 0) {
    gridDim.x = grid;
    blockDim.x = block;
    std::vector<double> shared(shared_bytes / sizeof(double) + 1);
    emulated_dynamic_shared = shared.data();
    for (unsigned b = 0; b < grid; ++b) {
        std::fill(shared.begin(), shared.end(), std::numeric_limits<double>::quiet_NaN());
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
