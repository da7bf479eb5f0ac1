// An emulated CUDA driver: a libcuda.so.1 for machines without a GPU that implements the driver
// calls solver-cuda makes and runs the real kernel source (expint4j_kernels.cu) on the CPU through
// cuda_host_emulation.h. With it the whole host side (JCuda's JNI layer, the probe, argument
// packing, contexts, allocation bookkeeping, out-of-memory handling, events, GpuCheck) runs end to
// end in tests. It is NOT a GPU: no timing, memory-model or exp() claim carries over (docs/cuda.md).
//
// Behaves like the driver where host code can get things wrong, and fails loudly instead of
// corrupting memory:
//   - cuInit first (CUDA_ERROR_NOT_INITIALIZED); a current context for memory, module and launch
//     calls (CUDA_ERROR_INVALID_CONTEXT), tracked per host thread as the driver does;
//   - a 256-byte aligned allocation per cuMemAlloc, 0 bytes refused (CUDA_ERROR_INVALID_VALUE), a
//     device of EXPINT4J_EMULATED_MEMORY_MIB MiB (default 2048) with CUDA_ERROR_OUT_OF_MEMORY
//     beyond it; frees and copies must name live allocations and stay inside them;
//   - guard bands around every allocation, checked after every launch and at every free: a write
//     outside a buffer fails the call with CUDA_ERROR_ILLEGAL_ADDRESS and names the buffer;
//   - module images must be a fatbin (magic 0xBA55ED50) or PTX text; cuModuleGetFunction finds a
//     kernel only if its name is in the image and in this emulation's table;
//   - launches: block size within the kernel's __launch_bounds__ (CUDA_ERROR_INVALID_VALUE),
//     dynamic shared memory within 48 KiB, kernelParams required; a __syncthreads in a kernel not
//     marked as synchronising is reported (the table would be wrong).
// The device: "expint4j emulated device", compute capability 9.0, 2 multiprocessors (so grid-stride
// loops wrap), driver version EXPINT4J_EMULATED_DRIVER_VERSION (default 13000). Every call holds one
// global lock: the emulated device runs one thing at a time, in order, like the legacy stream.
// Diagnostics go to stderr prefixed "emulated driver:".
//
// Copy counters, for tests that assert how much a computation moves between host and device: every
// successful cuMemcpyDtoH and cuMemcpyHtoD adds one call and its bytes (a 0-byte copy counts as a
// call of 0 bytes; a refused copy counts nothing). Java reads and resets them through the static
// native methods of org.expint4j.cuda.EmulatedDriver (copies(), resetCopies()): this file exports
// the JNI symbols Java_org_expint4j_cuda_EmulatedDriver_* (plain C signatures, no jni.h needed),
// and the JVM binds them because EmulatedDriver System.load()s this very library. So the counters
// exist only in a JVM where EmulatedDriver installed the driver (the emulated-gpu runs of
// solver-cuda and verification), not in one that finds libcuda.so.1 on LD_LIBRARY_PATH.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <ucontext.h>

#include "cuda_host_emulation.h"

#define exp(z) emulated_exp(z)
#include "../../main/cuda/expint4j_kernels.cu"
#undef exp

namespace {

typedef int CUresult;
typedef unsigned long long CUdeviceptr;

const CUresult SUCCESS = 0;
const CUresult INVALID_VALUE = 1;
const CUresult OUT_OF_MEMORY = 2;
const CUresult NOT_INITIALIZED = 3;
const CUresult NO_BINARY_FOR_GPU = 209;
const CUresult INVALID_DEVICE = 101;
const CUresult INVALID_IMAGE = 200;
const CUresult INVALID_CONTEXT = 201;
const CUresult INVALID_HANDLE = 400;
const CUresult NOT_FOUND = 500;
const CUresult ILLEGAL_ADDRESS = 700;
const CUresult UNKNOWN = 999;

const size_t GUARD = 256;
const unsigned char GUARD_BYTE = 0xA5;
const unsigned SHARED_LIMIT = 48 * 1024;
const int MULTIPROCESSORS = 2;

std::recursive_mutex lock;
// Indexed as EmulatedDriver.counter(which): DtoH calls, DtoH bytes, HtoD calls, HtoD bytes.
long long copy_counters[4] = {0, 0, 0, 0};
bool initialised = false;
int primary_retains = 0;
struct Context { int device; } primary{0};
thread_local Context* current = nullptr;

struct Allocation { unsigned char* raw; size_t bytes; };
std::map<CUdeviceptr, Allocation> allocations;  // by device address
size_t allocated = 0;

size_t device_memory() {
    const char* mib = std::getenv("EXPINT4J_EMULATED_MEMORY_MIB");
    return (mib != nullptr ? std::strtoull(mib, nullptr, 10) : 2048ULL) << 20;
}

int driver_version() {
    const char* v = std::getenv("EXPINT4J_EMULATED_DRIVER_VERSION");
    return v != nullptr ? std::atoi(v) : 13000;
}

CUresult fail(CUresult rc, const std::string& what) {
    std::fprintf(stderr, "emulated driver: %s (CUresult %d)\n", what.c_str(), rc);
    return rc;
}

// The live allocation containing [p, p + bytes), or null.
const Allocation* containing(CUdeviceptr p, size_t bytes) {
    auto it = allocations.upper_bound(p);
    if (it == allocations.begin()) return nullptr;
    --it;
    if (p - it->first > it->second.bytes || bytes > it->second.bytes - (p - it->first)) return nullptr;
    return &it->second;
}

// Empty if every guard band is intact, else which buffer is damaged and where.
std::string damaged_guards() {
    for (const auto& [address, a] : allocations) {
        const unsigned char* tail = a.raw + GUARD + a.bytes;
        for (size_t i = 0; i < GUARD; ++i) {
            if (a.raw[i] != GUARD_BYTE || tail[i] != GUARD_BYTE) {
                char b[160];
                std::snprintf(b, sizeof b, "write outside the buffer at 0x%llx (%zu bytes), %s", address,
                              a.bytes, a.raw[i] != GUARD_BYTE ? "before its start" : "after its end");
                return b;
            }
        }
    }
    return "";
}

CUresult check_guards(const char* call) {
    const std::string d = damaged_guards();
    return d.empty() ? SUCCESS : fail(ILLEGAL_ADDRESS, std::string(call) + ": " + d);
}

#define REQUIRE_CONTEXT(call)                                                           \
    std::lock_guard<std::recursive_mutex> guard(lock);                                  \
    if (!initialised) return fail(NOT_INITIALIZED, call ": cuInit was not called");     \
    if (current == nullptr) return fail(INVALID_CONTEXT, call ": no current context on this thread")

// ---- kernels: the table, and a block's threads as fibers ----

struct Module { std::string image; };
struct Function {
    const char* name;
    void (*run)(void* args, unsigned grid, unsigned block, bool fibers);
    unsigned max_threads;
    bool synchronises;
};

bool sync_outside_fibers = false;
ucontext_t scheduler;
std::vector<ucontext_t> fibers;
std::vector<std::vector<char>> stacks;
std::vector<char> finished;
unsigned running = 0;
void (*fiber_body)(void*) = nullptr;
void* fiber_args = nullptr;

void fiber_yield() { swapcontext(&fibers[running], &scheduler); }
void unexpected_sync() { sync_outside_fibers = true; }

void fiber_entry() {
    fiber_body(fiber_args);
    finished[running] = 1;
}  // returns to uc_link = scheduler

template <typename Args, void (*K)(Args)>
void call_kernel(void* args) { K(*static_cast<Args*>(args)); }

template <typename Args, void (*K)(Args)>
void run_kernel(void* args, unsigned grid, unsigned block, bool use_fibers) {
    gridDim.x = grid;
    blockDim.x = block;
    if (!use_fibers) {
        emulated_syncthreads_hook = unexpected_sync;
        for (unsigned b = 0; b < grid; ++b) {
            for (unsigned t = 0; t < block; ++t) {
                blockIdx.x = b;
                threadIdx.x = t;
                K(*static_cast<Args*>(args));
            }
        }
        return;
    }
    emulated_syncthreads_hook = fiber_yield;
    fiber_body = call_kernel<Args, K>;
    fiber_args = args;
    fibers.resize(block);
    stacks.resize(block);
    finished.assign(block, 0);
    for (unsigned b = 0; b < grid; ++b) {
        blockIdx.x = b;
        for (unsigned t = 0; t < block; ++t) {
            stacks[t].resize(256 * 1024);
            getcontext(&fibers[t]);
            fibers[t].uc_stack.ss_sp = stacks[t].data();
            fibers[t].uc_stack.ss_size = stacks[t].size();
            fibers[t].uc_link = &scheduler;
            makecontext(&fibers[t], fiber_entry, 0);
            finished[t] = 0;
        }
        // Rounds: every unfinished thread runs to its next barrier (or its end); a barrier releases
        // when all threads that have not exited reached it. The threads take turns in ascending
        // order in one round and descending in the next, so that a read of another thread's
        // shared-memory write without a barrier in between sees the stale value in one of them.
        for (unsigned round = 0, open = 1; open; ++round) {
            open = 0;
            for (unsigned i = 0; i < block; ++i) {
                const unsigned t = (round + b) % 2 == 0 ? i : block - 1 - i;
                if (!finished[t]) {
                    running = t;
                    threadIdx.x = t;
                    swapcontext(&scheduler, &fibers[t]);
                    open = open || !finished[t] ? 1 : 0;
                }
            }
        }
    }
    emulated_syncthreads_hook = nullptr;
}

// ENTRY(name, (argument struct), launch bound, synchronises): the parentheses keep the commas of
// template arguments out of the macro's argument list.
template <typename T> struct Unparen;
template <typename T> struct Unparen<void(T)> { typedef T type; };
#define ENTRY(name, args, threads, sync) {#name, run_kernel<Unparen<void args>::type, name>, threads, sync}
#define LINEAR_TABLE(K)                                                                  \
    ENTRY(linear##K##_f64, (LinearArgs<double, K>), 1024, false),                        \
    ENTRY(linear##K##_f32, (LinearArgs<float, K>), 1024, false),                         \
    ENTRY(diagonal##K##_f64, (DiagonalArgs<double, K>), 1024, false),                    \
    ENTRY(diagonal##K##_f32, (DiagonalArgs<float, K>), 1024, false),                     \
    ENTRY(complex##K##_f64, (DiagonalArgs<double, K>), 1024, false),                     \
    ENTRY(complex##K##_f32, (DiagonalArgs<float, K>), 1024, false)

Function table[] = {
    LINEAR_TABLE(1), LINEAR_TABLE(2), LINEAR_TABLE(3), LINEAR_TABLE(4),
    LINEAR_TABLE(5), LINEAR_TABLE(6), LINEAR_TABLE(7), LINEAR_TABLE(8),
    ENTRY(dense_f64, (DenseArgs<double>), 1024, false),
    ENTRY(dense_f32, (DenseArgs<float>), 1024, false),
    ENTRY(fill_f64, (FillArgs<double>), 1024, false),
    ENTRY(fill_f32, (FillArgs<float>), 1024, false),
    ENTRY(max_abs_f64, (MaxAbsArgs<double>), REDUCE_THREADS, true),
    ENTRY(max_abs_f32, (MaxAbsArgs<float>), REDUCE_THREADS, true),
    ENTRY(max_abs_final, (MaxAbsFinalArgs), REDUCE_THREADS, true),
    ENTRY(rms_f64, (RmsArgs<double>), RMS_ROWS, true),
    ENTRY(rms_f32, (RmsArgs<float>), RMS_ROWS, true),
    ENTRY(rms_final, (RmsFinalArgs), 1024, false),
    ENTRY(gmm_noise_f64, (GmmArgs<double>), GMM_MAX_THREADS, true),
    ENTRY(gmm_noise_f32, (GmmArgs<float>), GMM_MAX_THREADS, true),
};

bool is_fatbin(const unsigned char* p) { return p[0] == 0x50 && p[1] == 0xED && p[2] == 0x55 && p[3] == 0xBA; }

struct Event { std::chrono::steady_clock::time_point at; bool recorded = false; };

}  // namespace

extern "C" {

CUresult cuInit(unsigned flags) {
    std::lock_guard<std::recursive_mutex> guard(lock);
    if (flags != 0) return fail(INVALID_VALUE, "cuInit: flags must be 0");
    initialised = true;
    return SUCCESS;
}

CUresult cuDriverGetVersion(int* version) {
    if (version == nullptr) return INVALID_VALUE;
    *version = driver_version();
    return SUCCESS;
}

CUresult cuDeviceGetCount(int* count) {
    if (!initialised) return NOT_INITIALIZED;
    *count = 1;
    return SUCCESS;
}

CUresult cuDeviceGet(int* device, int ordinal) {
    if (!initialised) return NOT_INITIALIZED;
    if (ordinal != 0) return INVALID_DEVICE;
    *device = 0;
    return SUCCESS;
}

CUresult cuDeviceGetName(char* name, int length, int device) {
    if (device != 0) return INVALID_DEVICE;
    if (name == nullptr || length <= 0) return INVALID_VALUE;
    std::snprintf(name, static_cast<size_t>(length), "%s", "expint4j emulated device (CPU, not a GPU)");
    return SUCCESS;
}

CUresult cuDeviceGetAttribute(int* value, int attribute, int device) {
    if (device != 0) return INVALID_DEVICE;
    switch (attribute) {
        case 16: *value = MULTIPROCESSORS; return SUCCESS;   // MULTIPROCESSOR_COUNT
        case 75: *value = 9; return SUCCESS;                 // COMPUTE_CAPABILITY_MAJOR
        case 76: *value = 0; return SUCCESS;                 // COMPUTE_CAPABILITY_MINOR
        default: return fail(INVALID_VALUE, "cuDeviceGetAttribute: attribute " + std::to_string(attribute)
                                                + " is not emulated");
    }
}

CUresult cuDeviceTotalMem_v2(size_t* bytes, int device) {
    if (device != 0) return INVALID_DEVICE;
    *bytes = device_memory();
    return SUCCESS;
}

CUresult cuDevicePrimaryCtxRetain(Context** context, int device) {
    std::lock_guard<std::recursive_mutex> guard(lock);
    if (!initialised) return NOT_INITIALIZED;
    if (device != 0) return INVALID_DEVICE;
    ++primary_retains;
    *context = &primary;
    return SUCCESS;
}

CUresult cuDevicePrimaryCtxRelease_v2(int device) {
    std::lock_guard<std::recursive_mutex> guard(lock);
    if (device != 0) return INVALID_DEVICE;
    if (primary_retains == 0) return fail(INVALID_CONTEXT, "cuDevicePrimaryCtxRelease: not retained");
    --primary_retains;
    return SUCCESS;
}

CUresult cuCtxSetCurrent(Context* context) {
    std::lock_guard<std::recursive_mutex> guard(lock);
    if (!initialised) return NOT_INITIALIZED;
    if (context != nullptr && context != &primary) return fail(INVALID_CONTEXT, "cuCtxSetCurrent: unknown context");
    if (context != nullptr && primary_retains == 0) {
        return fail(INVALID_CONTEXT, "cuCtxSetCurrent: the primary context is not retained");
    }
    current = context;
    return SUCCESS;
}

CUresult cuCtxSynchronize() {
    REQUIRE_CONTEXT("cuCtxSynchronize");
    return SUCCESS;
}

CUresult cuMemGetInfo_v2(size_t* free, size_t* total) {
    REQUIRE_CONTEXT("cuMemGetInfo");
    *total = device_memory();
    *free = *total - allocated;
    return SUCCESS;
}

CUresult cuMemAlloc_v2(CUdeviceptr* p, size_t bytes) {
    REQUIRE_CONTEXT("cuMemAlloc");
    if (bytes == 0) return fail(INVALID_VALUE, "cuMemAlloc: 0 bytes");
    if (bytes > device_memory() - allocated) return OUT_OF_MEMORY;
    const size_t padded = (bytes + 2 * GUARD + 255) / 256 * 256;
    auto* raw = static_cast<unsigned char*>(std::aligned_alloc(256, padded));
    if (raw == nullptr) return OUT_OF_MEMORY;
    std::memset(raw, GUARD_BYTE, GUARD);
    std::memset(raw + GUARD + bytes, GUARD_BYTE, GUARD);
    std::memset(raw + GUARD, 0x5A, bytes);  // device memory is not zeroed: make stale reads show
    *p = reinterpret_cast<CUdeviceptr>(raw + GUARD);
    allocations[*p] = Allocation{raw, bytes};
    allocated += bytes;
    return SUCCESS;
}

CUresult cuMemFree_v2(CUdeviceptr p) {
    REQUIRE_CONTEXT("cuMemFree");
    auto it = allocations.find(p);
    if (it == allocations.end()) return fail(INVALID_VALUE, "cuMemFree: not a live allocation");
    const CUresult rc = check_guards("cuMemFree");
    allocated -= it->second.bytes;
    std::free(it->second.raw);
    allocations.erase(it);
    return rc;
}

CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void* src, size_t bytes) {
    REQUIRE_CONTEXT("cuMemcpyHtoD");
    if (bytes == 0) {
        copy_counters[2] += 1;
        return SUCCESS;
    }
    if (containing(dst, bytes) == nullptr) return fail(INVALID_VALUE, "cuMemcpyHtoD: destination range not allocated");
    std::memcpy(reinterpret_cast<void*>(dst), src, bytes);
    copy_counters[2] += 1;
    copy_counters[3] += static_cast<long long>(bytes);
    return SUCCESS;
}

CUresult cuMemcpyDtoH_v2(void* dst, CUdeviceptr src, size_t bytes) {
    REQUIRE_CONTEXT("cuMemcpyDtoH");
    if (bytes == 0) {
        copy_counters[0] += 1;
        return SUCCESS;
    }
    if (containing(src, bytes) == nullptr) return fail(INVALID_VALUE, "cuMemcpyDtoH: source range not allocated");
    std::memcpy(dst, reinterpret_cast<const void*>(src), bytes);
    copy_counters[0] += 1;
    copy_counters[1] += static_cast<long long>(bytes);
    return SUCCESS;
}

CUresult cuMemcpyDtoD_v2(CUdeviceptr dst, CUdeviceptr src, size_t bytes) {
    REQUIRE_CONTEXT("cuMemcpyDtoD");
    if (bytes == 0) return SUCCESS;
    if (containing(dst, bytes) == nullptr || containing(src, bytes) == nullptr) {
        return fail(INVALID_VALUE, "cuMemcpyDtoD: range not allocated");
    }
    if (dst < src + bytes && src < dst + bytes && dst != src) {
        return fail(INVALID_VALUE, "cuMemcpyDtoD: overlapping ranges (undefined on a device)");
    }
    std::memmove(reinterpret_cast<void*>(dst), reinterpret_cast<const void*>(src), bytes);
    return SUCCESS;
}

CUresult cuMemsetD32_v2(CUdeviceptr dst, unsigned value, size_t count) {
    REQUIRE_CONTEXT("cuMemsetD32");
    if (dst % 4 != 0) return fail(INVALID_VALUE, "cuMemsetD32: misaligned destination");
    if (count == 0) return SUCCESS;
    if (containing(dst, count * 4) == nullptr) return fail(INVALID_VALUE, "cuMemsetD32: range not allocated");
    auto* p = reinterpret_cast<unsigned*>(dst);
    std::fill(p, p + count, value);
    return SUCCESS;
}

CUresult cuModuleLoadData(Module** module, const void* image) {
    REQUIRE_CONTEXT("cuModuleLoadData");
    const auto* bytes = static_cast<const unsigned char*>(image);
    if (image == nullptr) return INVALID_VALUE;
    std::string data;
    if (is_fatbin(bytes)) {
        // A fatbin header: magic, version, header size, then the size of the rest.
        unsigned short header;
        unsigned long long rest;
        std::memcpy(&header, bytes + 6, sizeof header);
        std::memcpy(&rest, bytes + 8, sizeof rest);
        data.assign(reinterpret_cast<const char*>(bytes), header + rest);
    } else {
        data.assign(reinterpret_cast<const char*>(bytes));
        if (data.find(".version") == std::string::npos || data.find(".entry") == std::string::npos) {
            return fail(INVALID_IMAGE, "cuModuleLoadData: neither a fatbin nor PTX");
        }
        if (data.find(".target sm_") == std::string::npos) return fail(NO_BINARY_FOR_GPU, "no .target");
    }
    *module = new Module{data};
    return SUCCESS;
}

CUresult cuModuleGetFunction(Function** function, Module* module, const char* name) {
    REQUIRE_CONTEXT("cuModuleGetFunction");
    if (module == nullptr || name == nullptr) return INVALID_HANDLE;
    if (module->image.find(std::string(name) + '\0') == std::string::npos
        && module->image.find(std::string(name) + '(') == std::string::npos) {
        return fail(NOT_FOUND, std::string("cuModuleGetFunction: ") + name + " is not in the image");
    }
    for (Function& f : table) {
        if (std::strcmp(f.name, name) == 0) {
            *function = &f;
            return SUCCESS;
        }
    }
    return fail(NOT_FOUND, std::string("cuModuleGetFunction: ") + name + " is not emulated");
}

CUresult cuLaunchKernel(Function* f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by,
                        unsigned bz, unsigned shared, void* stream, void** params, void** extra) {
    REQUIRE_CONTEXT("cuLaunchKernel");
    if (f == nullptr) return INVALID_HANDLE;
    const std::string name = f->name;
    if (stream != nullptr) return fail(INVALID_HANDLE, name + ": only the legacy default stream is emulated");
    if (gy != 1 || gz != 1 || by != 1 || bz != 1) return fail(INVALID_VALUE, name + ": 2-D/3-D launch");
    if (gx == 0 || gx > 0x7fffffffu) return fail(INVALID_VALUE, name + ": grid " + std::to_string(gx));
    if (bx == 0 || bx > f->max_threads) {
        return fail(INVALID_VALUE, name + ": block of " + std::to_string(bx) + " threads, its launch bounds allow "
                                       + std::to_string(f->max_threads));
    }
    if (shared > SHARED_LIMIT) {
        return fail(INVALID_VALUE, name + ": " + std::to_string(shared) + " bytes of dynamic shared memory");
    }
    if (params == nullptr || params[0] == nullptr || extra != nullptr) {
        return fail(INVALID_VALUE, name + ": kernelParams required");
    }
    std::vector<double> dynamic_shared(shared / sizeof(double) + 1,
                                       std::numeric_limits<double>::quiet_NaN());
    emulated_dynamic_shared = dynamic_shared.data();
    sync_outside_fibers = false;
    f->run(params[0], gx, bx, f->synchronises);
    emulated_dynamic_shared = nullptr;
    if (sync_outside_fibers) return fail(UNKNOWN, name + ": __syncthreads in a kernel the table marks non-synchronising");
    return check_guards(f->name);
}

CUresult cuEventCreate(Event** event, unsigned flags) {
    REQUIRE_CONTEXT("cuEventCreate");
    (void) flags;
    *event = new Event();
    return SUCCESS;
}

CUresult cuEventDestroy_v2(Event* event) {
    REQUIRE_CONTEXT("cuEventDestroy");
    delete event;
    return SUCCESS;
}

CUresult cuEventRecord(Event* event, void* stream) {
    REQUIRE_CONTEXT("cuEventRecord");
    if (event == nullptr || stream != nullptr) return INVALID_HANDLE;
    event->at = std::chrono::steady_clock::now();
    event->recorded = true;
    return SUCCESS;
}

CUresult cuEventSynchronize(Event* event) {
    REQUIRE_CONTEXT("cuEventSynchronize");
    return event != nullptr && event->recorded ? SUCCESS : INVALID_HANDLE;
}

CUresult cuEventElapsedTime(float* ms, Event* start, Event* end) {
    REQUIRE_CONTEXT("cuEventElapsedTime");
    if (start == nullptr || end == nullptr || !start->recorded || !end->recorded) return INVALID_HANDLE;
    *ms = std::chrono::duration<float, std::milli>(end->at - start->at).count();
    return SUCCESS;
}

// ---- the copy counters, as JNI methods of org.expint4j.cuda.EmulatedDriver (see the header) ----

// static native long counter(int which): JNIEnv* and jclass unused, jint in, jlong out.
long long Java_org_expint4j_cuda_EmulatedDriver_counter(void*, void*, int which) {
    std::lock_guard<std::recursive_mutex> guard(lock);
    return which >= 0 && which < 4 ? copy_counters[which] : -1;
}

// static native void resetCounters()
void Java_org_expint4j_cuda_EmulatedDriver_resetCounters(void*, void*) {
    std::lock_guard<std::recursive_mutex> guard(lock);
    for (long long& c : copy_counters) c = 0;
}

}  // extern "C"
