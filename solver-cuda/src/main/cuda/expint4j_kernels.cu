// expint4j vector kernels: the fused weighted sums and reductions of org.expint4j.vector.VectorOps
// on the GPU, in float and double; and the exact noise predictor of a Gaussian mixture
// (org.expint4j.diffusion.model.GaussianMixtureModel), so that diffusion sampling stays on the device.
//
// Compiled ahead of time by solver-cuda/build-kernels.sh (PTX + fatbin, committed as resources);
// never compiled at run time.
//
// Bit-for-bit agreement with the CPU backend (DoubleVectorOps / FloatVectorOps):
// * every multiplication, addition, subtraction, division and square root goes through an
//   explicitly rounded intrinsic (__dmul_rn, __fadd_rn, ...), which nvcc never contracts into a
//   fused multiply-add; the build also passes -fmad=false, -ftz=false, -prec-div=true and
//   -prec-sqrt=true, so neither contraction nor flush-to-zero can sneak in;
// * each sum is evaluated left to right starting from the first product, exactly as Java
//   evaluates a0*x0[i] + a1*x1[i] + ...; float kernels round each scalar weight to float first
//   (__double2float_rn, the rounding of a Java (float) cast);
// * sums of more than MAX_TERMS terms, and dense sums, run in several launches that accumulate in
//   the output vector (acc != 0); the partial sum is stored in the precision of the vectors,
//   the precision the CPU keeps it in, so the passes change no bit;
// * the weighted RMS norm sums in the CPU's blocked order (blocks of 1024 elements counted from
//   the start of each sample, each block left to right from 0, then the block sums left to right
//   from 0), so it is bit-identical too; max-abs is exact and order-free; so is the maximum over
//   the samples of adaptive DPM-Solver's error norm (the RMS kernels with a reference vector,
//   then max_abs_final over the per-sample norms), which thus reaches the host as one double.
//
// The Gaussian-mixture kernel follows the same rules; its one difference from the CPU is exp,
// which neither side rounds correctly (see the section below and docs/cuda.md for the bound).
//
// Every kernel takes a single by-value struct of 8-byte fields (pointers, long long, double), so
// the host packs the arguments into one long[] in field order. No atomics anywhere: results do not
// depend on scheduling.

#include <cstdint>

#define MAX_TERMS 8

// ---- precision-specific rounded arithmetic ----

__device__ __forceinline__ double mul_rn(double a, double b) { return __dmul_rn(a, b); }
__device__ __forceinline__ float mul_rn(float a, float b) { return __fmul_rn(a, b); }
__device__ __forceinline__ double add_rn(double a, double b) { return __dadd_rn(a, b); }
__device__ __forceinline__ float add_rn(float a, float b) { return __fadd_rn(a, b); }
__device__ __forceinline__ double sub_rn(double a, double b) { return __dsub_rn(a, b); }
__device__ __forceinline__ float sub_rn(float a, float b) { return __fsub_rn(a, b); }

// A scalar weight in the precision of the vectors (Java: (float) a for float vectors).
template <typename T> __device__ __forceinline__ T weight(double a);
template <> __device__ __forceinline__ double weight<double>(double a) { return a; }
template <> __device__ __forceinline__ float weight<float>(double a) { return __double2float_rn(a); }

// 16-byte vector types for aligned loads: 2 doubles or 4 floats; 2-element types for complex.
template <typename T> struct Vec16;
template <> struct Vec16<double> { typedef double2 type; static const int width = 2; };
template <> struct Vec16<float> { typedef float4 type; static const int width = 4; };
template <typename T> struct Pair;
template <> struct Pair<double> { typedef double2 type; };
template <> struct Pair<float> { typedef float2 type; };

__device__ __forceinline__ double lane(const double2& v, int l) { return l == 0 ? v.x : v.y; }
__device__ __forceinline__ float lane(const float4& v, int l) {
    return l == 0 ? v.x : l == 1 ? v.y : l == 2 ? v.z : v.w;
}
__device__ __forceinline__ void set_lane(double2& v, int l, double s) {
    if (l == 0) v.x = s; else v.y = s;
}
__device__ __forceinline__ void set_lane(float4& v, int l, float s) {
    if (l == 0) v.x = s; else if (l == 1) v.y = s; else if (l == 2) v.z = s; else v.w = s;
}

__device__ __forceinline__ bool aligned16(const void* p) {
    return (reinterpret_cast<uintptr_t>(p) & 15u) == 0;
}

__device__ __forceinline__ long long global_thread() {
    return static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ long long grid_threads() {
    return static_cast<long long>(gridDim.x) * blockDim.x;
}

// ---- scalar weights: out[i] = (acc ? out[i] : ) + a0*x0[i] + a1*x1[i] + ... ----

template <typename T, int K> struct LinearArgs {
    T* out;
    long long n;
    long long acc;
    const T* x[K];
    double a[K];
};

template <typename T, int K>
__device__ __forceinline__ T linear_element(const LinearArgs<T, K>& p, const T (&w)[K], long long i,
                                            T start, bool acc) {
    T s = acc ? add_rn(start, mul_rn(w[0], p.x[0][i])) : mul_rn(w[0], p.x[0][i]);
#pragma unroll
    for (int j = 1; j < K; ++j) {
        s = add_rn(s, mul_rn(w[j], p.x[j][i]));
    }
    return s;
}

template <typename T, int K>
__device__ void linear_body(const LinearArgs<T, K>& p) {
    typedef typename Vec16<T>::type V;
    const int W = Vec16<T>::width;
    T w[K];
#pragma unroll
    for (int j = 0; j < K; ++j) {
        w[j] = weight<T>(p.a[j]);
    }
    const bool acc = p.acc != 0;
    bool vec = aligned16(p.out);
#pragma unroll
    for (int j = 0; j < K; ++j) {
        vec = vec && aligned16(p.x[j]);
    }
    long long head = 0;
    if (vec) {
        const long long nv = p.n / W;
        for (long long v = global_thread(); v < nv; v += grid_threads()) {
            V in[K];
#pragma unroll
            for (int j = 0; j < K; ++j) {
                in[j] = reinterpret_cast<const V*>(p.x[j])[v];
            }
            V o = V();
            if (acc) {
                o = reinterpret_cast<const V*>(p.out)[v];
            }
#pragma unroll
            for (int l = 0; l < W; ++l) {
                T s = acc ? add_rn(lane(o, l), mul_rn(w[0], lane(in[0], l)))
                          : mul_rn(w[0], lane(in[0], l));
#pragma unroll
                for (int j = 1; j < K; ++j) {
                    s = add_rn(s, mul_rn(w[j], lane(in[j], l)));
                }
                set_lane(o, l, s);
            }
            reinterpret_cast<V*>(p.out)[v] = o;
        }
        head = nv * W;
    }
    for (long long i = head + global_thread(); i < p.n; i += grid_threads()) {
        p.out[i] = linear_element<T, K>(p, w, i, acc ? p.out[i] : T(0), acc);
    }
}

// ---- per-element weights: out[i] = (acc ? out[i] : ) + w0[i]*x0[i] + ... ----

template <typename T, int K> struct DiagonalArgs {
    T* out;
    long long n;
    long long acc;
    const T* w[K];
    const T* x[K];
};

template <typename T, int K>
__device__ void diagonal_body(const DiagonalArgs<T, K>& p) {
    typedef typename Vec16<T>::type V;
    const int W = Vec16<T>::width;
    const bool acc = p.acc != 0;
    bool vec = aligned16(p.out);
#pragma unroll
    for (int j = 0; j < K; ++j) {
        vec = vec && aligned16(p.x[j]) && aligned16(p.w[j]);
    }
    long long head = 0;
    if (vec) {
        const long long nv = p.n / W;
        for (long long v = global_thread(); v < nv; v += grid_threads()) {
            V o = V();
            if (acc) {
                o = reinterpret_cast<const V*>(p.out)[v];
            }
            // Term by term, all lanes at once: the order within each lane is unchanged.
#pragma unroll
            for (int j = 0; j < K; ++j) {
                const V wj = reinterpret_cast<const V*>(p.w[j])[v];
                const V xj = reinterpret_cast<const V*>(p.x[j])[v];
#pragma unroll
                for (int l = 0; l < W; ++l) {
                    const T prod = mul_rn(lane(wj, l), lane(xj, l));
                    set_lane(o, l, (j == 0 && !acc) ? prod : add_rn(lane(o, l), prod));
                }
            }
            reinterpret_cast<V*>(p.out)[v] = o;
        }
        head = nv * W;
    }
    for (long long i = head + global_thread(); i < p.n; i += grid_threads()) {
        T s = acc ? add_rn(p.out[i], mul_rn(p.w[0][i], p.x[0][i])) : mul_rn(p.w[0][i], p.x[0][i]);
#pragma unroll
        for (int j = 1; j < K; ++j) {
            s = add_rn(s, mul_rn(p.w[j][i], p.x[j][i]));
        }
        p.out[i] = s;
    }
}

// ---- complex per-element weights on interleaved data; n counts complex elements ----
// term j: (wr*xr - wi*xi) + i (wr*xi + wi*xr); real and imaginary parts summed left to right.

template <typename T, int K>
__device__ void complex_body(const DiagonalArgs<T, K>& p) {
    typedef typename Pair<T>::type P;
    const bool acc = p.acc != 0;
    P* out = reinterpret_cast<P*>(p.out);
    for (long long m = global_thread(); m < p.n; m += grid_threads()) {
        T re = T(0);
        T im = T(0);
        if (acc) {
            const P o = out[m];
            re = o.x;
            im = o.y;
        }
#pragma unroll
        for (int j = 0; j < K; ++j) {
            const P w = reinterpret_cast<const P*>(p.w[j])[m];
            const P x = reinterpret_cast<const P*>(p.x[j])[m];
            const T r = sub_rn(mul_rn(w.x, x.x), mul_rn(w.y, x.y));
            const T i = add_rn(mul_rn(w.x, x.y), mul_rn(w.y, x.x));
            if (j == 0 && !acc) {
                re = r;
                im = i;
            } else {
                re = add_rn(re, r);
                im = add_rn(im, i);
            }
        }
        P o;
        o.x = re;
        o.y = im;
        out[m] = o;
    }
}

// ---- dense: out[r] = (acc ? out[r] : ) + sum_c W[r*n + c] * x[c], one thread per row ----
// One term per launch; the host accumulates further terms with acc = 1. Simple and bit-identical
// to the CPU's row-by-row sum; not tuned (rows are read with a stride of n between threads).

template <typename T> struct DenseArgs {
    T* out;
    long long n;
    long long acc;
    const T* w;
    const T* x;
};

template <typename T>
__device__ void dense_body(const DenseArgs<T>& p) {
    for (long long r = global_thread(); r < p.n; r += grid_threads()) {
        const T* row = p.w + r * p.n;
        long long c = 0;
        T s;
        if (p.acc != 0) {
            s = p.out[r];
        } else {
            s = mul_rn(row[0], p.x[0]);
            c = 1;
        }
        for (; c < p.n; ++c) {
            s = add_rn(s, mul_rn(row[c], p.x[c]));
        }
        p.out[r] = s;
    }
}

// ---- fill ----

template <typename T> struct FillArgs {
    T* out;
    long long n;
    double value;
};

template <typename T>
__device__ void fill_body(const FillArgs<T>& p) {
    const T v = weight<T>(p.value);
    for (long long i = global_thread(); i < p.n; i += grid_threads()) {
        p.out[i] = v;
    }
}

// ---- max |x_i|: per-block maxima, then one block combines them; exact, NaN propagates ----

#define REDUCE_THREADS 256

__device__ __forceinline__ double nan_max(double a, double b) {
    // Java's Math.max: NaN if either is NaN (fmax would drop it).
    if (a != a) return a;
    if (b != b) return b;
    return a > b ? a : b;
}

template <typename T> struct MaxAbsArgs {
    double* partials;
    const T* x;
    long long n;
};

__device__ double block_max(double m) {
    __shared__ double shared[REDUCE_THREADS];
    shared[threadIdx.x] = m;
    __syncthreads();
    for (unsigned s = REDUCE_THREADS / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) {
            shared[threadIdx.x] = nan_max(shared[threadIdx.x], shared[threadIdx.x + s]);
        }
        __syncthreads();
    }
    return shared[0];
}

template <typename T>
__device__ void max_abs_body(const MaxAbsArgs<T>& p) {
    double m = 0;
    for (long long i = global_thread(); i < p.n; i += grid_threads()) {
        m = nan_max(m, fabs(static_cast<double>(p.x[i])));
    }
    m = block_max(m);
    if (threadIdx.x == 0) {
        p.partials[blockIdx.x] = m;
    }
}

struct MaxAbsFinalArgs {
    double* result;
    const double* partials;
    long long count;
};

// ---- weighted RMS in the CPU's blocked order ----
// A reduction unit is one CPU block: up to 1024 consecutive elements of one sample. A thread block
// of RMS_ROWS threads owns RMS_ROWS consecutive units, one per thread. Tiles of RMS_TILE columns
// are loaded coalesced (consecutive threads, consecutive elements of one unit), the squared
// scaled errors are stored in shared memory, and each thread adds its unit's values left to right.

#define RMS_BLOCK 1024
#define RMS_ROWS 128
#define RMS_TILE 32

template <typename T> struct RmsArgs {
    double* partials;          // one sum per unit
    const T* x;
    const T* y;
    const T* atol_vector;      // null: scalar atol
    long long sample_length;   // elements per sample, >= 1
    long long blocks_per_sample;
    long long units;           // samples * blocks_per_sample
    double atol;
    double rtol;
    double min_atol;           // a per-component atol below this (or NaN) makes the term NaN
    const T* reference;        // non-null: adaptive DPM-Solver's error norm (VectorOps.maxSampleRms)
    double scale;              // its factor on x and y
};

__device__ __forceinline__ bool finite_value(double v) {
    return fabs(v) <= 1.7976931348623157e308;  // false for +-infinity and NaN
}

// The term of VectorOps.maxSampleRms, as the CPU computes it: xs = c x_i, ys = c y_i,
// delta = max(atol, rtol max(|ys|, |r_i|)), e = (xs - ys) / delta, e^2. NaN if xs, ys or r_i is
// not finite (the CPU flags the block); an infinite difference over an infinite delta (the only
// NaN from finite values) counts as +infinity, as on the CPU. atol > 0, so no other NaN.
template <typename T>
__device__ __forceinline__ double sample_error(const RmsArgs<T>& p, long long i) {
    const double xs = mul_rn(p.scale, static_cast<double>(p.x[i]));
    const double ys = mul_rn(p.scale, static_cast<double>(p.y[i]));
    const double ri = static_cast<double>(p.reference[i]);
    if (!(finite_value(xs) && finite_value(ys) && finite_value(ri))) {
        return __longlong_as_double(0x7ff8000000000000LL);
    }
    const double delta = nan_max(p.atol, mul_rn(p.rtol, nan_max(fabs(ys), fabs(ri))));
    const double e = __ddiv_rn(sub_rn(xs, ys), delta);
    return e != e ? __longlong_as_double(0x7ff0000000000000LL) : mul_rn(e, e);
}

template <typename T>
__device__ __forceinline__ double squared_error(const RmsArgs<T>& p, long long i) {
    if (p.reference != nullptr) {
        return sample_error(p, i);
    }
    const double xi = static_cast<double>(p.x[i]);
    const double yi = static_cast<double>(p.y[i]);
    const double diff = sub_rn(xi, yi);
    if (p.atol_vector == nullptr) {
        const double e = diff == 0.0 ? 0.0
            : __ddiv_rn(diff, add_rn(p.atol, mul_rn(p.rtol, fmax(fabs(xi), fabs(yi)))));
        return mul_rn(e, e);
    }
    const double ai = static_cast<double>(p.atol_vector[i]);
    const double e = diff == 0.0 ? 0.0
        : __ddiv_rn(diff, add_rn(ai, mul_rn(p.rtol, fmax(fabs(xi), fabs(yi)))));
    return ai >= p.min_atol ? mul_rn(e, e) : __longlong_as_double(0x7ff8000000000000LL);
}

template <typename T>
__device__ void rms_body(const RmsArgs<T>& p) {
    __shared__ double tile[RMS_ROWS][RMS_TILE + 1];
    __shared__ long long row_start[RMS_ROWS];
    __shared__ int row_length[RMS_ROWS];
    // Every unit is at most as long as the first unit of a sample.
    const long long longest = p.sample_length < RMS_BLOCK ? p.sample_length : RMS_BLOCK;
    const long long groups = (p.units + RMS_ROWS - 1) / RMS_ROWS;
    for (long long g = blockIdx.x; g < groups; g += gridDim.x) {
        const long long u = g * RMS_ROWS + threadIdx.x;
        if (u < p.units) {
            const long long s = u / p.blocks_per_sample;
            const long long b = u - s * p.blocks_per_sample;
            const long long start = s * p.sample_length + b * RMS_BLOCK;
            const long long end = (s + 1) * p.sample_length;
            row_start[threadIdx.x] = start;
            row_length[threadIdx.x] = static_cast<int>(end - start < RMS_BLOCK ? end - start : RMS_BLOCK);
        } else {
            row_start[threadIdx.x] = 0;
            row_length[threadIdx.x] = 0;
        }
        __syncthreads();
        double sum = 0;
        for (long long c0 = 0; c0 < longest; c0 += RMS_TILE) {
            for (int k = threadIdx.x; k < RMS_ROWS * RMS_TILE; k += RMS_ROWS) {
                const int r = k / RMS_TILE;
                const int c = k - r * RMS_TILE;
                if (c0 + c < row_length[r]) {
                    tile[r][c] = squared_error(p, row_start[r] + c0 + c);
                }
            }
            __syncthreads();
            const long long rest = row_length[threadIdx.x] - c0;
            const int count = rest < RMS_TILE ? static_cast<int>(rest) : RMS_TILE;
            for (int c = 0; c < count; ++c) {
                sum = add_rn(sum, tile[threadIdx.x][c]);
            }
            __syncthreads();
        }
        if (u < p.units) {
            p.partials[u] = sum;
        }
        __syncthreads();
    }
}

struct RmsFinalArgs {
    double* out;               // one norm per sample
    const double* partials;
    long long samples;
    long long blocks_per_sample;
    long long sample_length;
};

// ---- the Gaussian-mixture noise predictor (org.expint4j.diffusion.model.GaussianMixtureModel) ----
// eps(x, t) = sigma * sum_k gamma_k(x) (x - alpha mu_k) / v_k,  v_kd = alpha^2 s_kd^2 + sigma^2,
// gamma_k = softmax_k(l_k),  l_k = c_k - q_k / 2,  q_k = sum_d (x_d - alpha mu_kd)^2 / v_kd,
// where c_k = log w_k - (D log 2 pi + sum_d log v_kd) / 2 comes from the host (log_norm), which
// computes it exactly as the CPU model does. One thread per sample; the block's samples are staged
// through shared memory in tiles of GMM_TILE columns, loaded and stored coalesced. Every operation
// is the CPU model's, in its order, explicitly rounded: q_k summed over d left to right from 0
// (the loops run d outside k, which keeps each q_k's order), the maximum with Java's Math.max, the
// exponentials summed left to right from 0, each output summed over k left to right from 0. So
// everything up to the exponentials is bit-identical to the CPU, and the only difference is exp
// itself (CUDA's exp is not correctly rounded, nor is Java's Math.exp): docs/cuda.md states the
// resulting bound. Arithmetic is in double for both storage types; the float kernel widens its
// input exactly and rounds its output once, as FloatModelAdapter does on the CPU.

#define GMM_TILE 32
#define GMM_MAX_THREADS 128

// Dynamic shared memory; the host emulation used by the tests supplies its own definition.
#ifndef EXPINT4J_DYNAMIC_SHARED
#define EXPINT4J_DYNAMIC_SHARED(name) extern __shared__ double name[]
#endif

template <typename T> struct GmmArgs {
    T* out;                    // samples x dimension; may be x
    const T* x;
    const double* means;       // components x dimension, row-major
    const double* stds2;       // stds[kd] * stds[kd], rounded as the CPU model rounds it
    const double* log_norm;    // c_k at this time, from the host
    long long samples;
    long long dimension;
    long long components;
    double alpha;
    double sigma;
    double alpha2;             // alpha * alpha
    double sigma2;             // sigma * sigma
};

// The only transcendental function of the module, kept out of line so that the PTX check can
// confirm that every fused multiply-add in the module is inside CUDA's exp (libdevice computes it
// with explicit fma: that is its algorithm, not contraction of this file's arithmetic).
extern "C" __device__ __noinline__ double expint4j_exp(double z) { return exp(z); }

// Java's Math.max: NaN if either is NaN, +0 over -0.
__device__ __forceinline__ double java_max(double a, double b) {
    if (a != a) return a;
    if (b != b) return b;
    if (a == 0.0 && b == 0.0) return signbit(a) ? b : a;
    return a >= b ? a : b;
}

__device__ __forceinline__ double to_storage(double v, const double*) { return v; }
__device__ __forceinline__ float to_storage(double v, const float*) { return __double2float_rn(v); }

// Copies rows x cols elements (columns c0.. of consecutive samples) into the tile, widened.
template <typename T>
__device__ __forceinline__ void gmm_load(double* tile, int stride, const T* src, long long dimension,
                                         int rows, long long c0, int cols) {
    for (int i = threadIdx.x; i < rows * cols; i += blockDim.x) {
        const int r = i / cols;
        const int c = i - r * cols;
        tile[r * stride + c] = static_cast<double>(src[r * dimension + c0 + c]);
    }
}

template <typename T>
__device__ __forceinline__ void gmm_store(T* dst, long long dimension, const double* tile, int stride,
                                          int rows, long long c0, int cols) {
    for (int i = threadIdx.x; i < rows * cols; i += blockDim.x) {
        const int r = i / cols;
        const int c = i - r * cols;
        dst[r * dimension + c0 + c] = to_storage(tile[r * stride + c], dst);
    }
}

// Dynamic shared memory: the tile, samples x (width + 1) doubles (padded against bank conflicts),
// then gamma[k * samples + t]: first q_k, then l_k, exp(l_k - max), and the responsibilities.
template <typename T>
__device__ void gmm_body(const GmmArgs<T>& p) {
    EXPINT4J_DYNAMIC_SHARED(gmm_shared);
    const long long dimension = p.dimension;
    const long long components = p.components;
    const int threads = blockDim.x;
    const int t = threadIdx.x;
    const int width = dimension < GMM_TILE ? static_cast<int>(dimension) : GMM_TILE;
    const int stride = width + 1;
    double* tile = gmm_shared;
    double* gamma = gmm_shared + threads * stride + t;
    const double minus_infinity = __longlong_as_double(static_cast<long long>(0xfff0000000000000ULL));
    const long long groups = (p.samples + threads - 1) / threads;
    for (long long g = blockIdx.x; g < groups; g += gridDim.x) {
        const long long first = g * threads;
        const int rows = p.samples - first < threads ? static_cast<int>(p.samples - first) : threads;
        const bool active = t < rows;
        const T* xs = p.x + first * dimension;
        T* outs = p.out + first * dimension;
        if (active) {
            for (long long k = 0; k < components; ++k) {
                gamma[k * threads] = 0.0;
            }
        }
        // Pass 1: q_k = sum_d (x_d - alpha mu_kd)^2 / v_kd.
        for (long long c0 = 0; c0 < dimension; c0 += width) {
            const int cols = dimension - c0 < width ? static_cast<int>(dimension - c0) : width;
            __syncthreads();
            gmm_load(tile, stride, xs, dimension, rows, c0, cols);
            __syncthreads();
            if (active) {
                for (int c = 0; c < cols; ++c) {
                    const double xd = tile[t * stride + c];
                    const double* mu = p.means + c0 + c;
                    const double* s2 = p.stds2 + c0 + c;
                    for (long long k = 0; k < components; ++k) {
                        const double r = sub_rn(xd, mul_rn(p.alpha, mu[k * dimension]));
                        const double v = add_rn(mul_rn(p.alpha2, s2[k * dimension]), p.sigma2);
                        gamma[k * threads] = add_rn(gamma[k * threads], __ddiv_rn(mul_rn(r, r), v));
                    }
                }
            }
        }
        // Responsibilities: log-sum-exp shifted by the largest log-joint density.
        if (active) {
            double m = minus_infinity;
            for (long long k = 0; k < components; ++k) {
                const double l = sub_rn(p.log_norm[k], mul_rn(0.5, gamma[k * threads]));
                gamma[k * threads] = l;
                m = java_max(m, l);
            }
            double sum = 0.0;
            for (long long k = 0; k < components; ++k) {
                const double e = expint4j_exp(sub_rn(gamma[k * threads], m));
                gamma[k * threads] = e;
                sum = add_rn(sum, e);
            }
            for (long long k = 0; k < components; ++k) {
                gamma[k * threads] = __ddiv_rn(gamma[k * threads], sum);
            }
        }
        // Pass 2: eps_d = sigma * sum_k gamma_k (x_d - alpha mu_kd) / v_kd, written over the tile.
        for (long long c0 = 0; c0 < dimension; c0 += width) {
            const int cols = dimension - c0 < width ? static_cast<int>(dimension - c0) : width;
            __syncthreads();
            gmm_load(tile, stride, xs, dimension, rows, c0, cols);
            __syncthreads();
            if (active) {
                for (int c = 0; c < cols; ++c) {
                    const double xd = tile[t * stride + c];
                    const double* mu = p.means + c0 + c;
                    const double* s2 = p.stds2 + c0 + c;
                    double acc = 0.0;
                    for (long long k = 0; k < components; ++k) {
                        const double r = sub_rn(xd, mul_rn(p.alpha, mu[k * dimension]));
                        const double v = add_rn(mul_rn(p.alpha2, s2[k * dimension]), p.sigma2);
                        acc = add_rn(acc, mul_rn(gamma[k * threads], __ddiv_rn(r, v)));
                    }
                    tile[t * stride + c] = mul_rn(p.sigma, acc);
                }
            }
            __syncthreads();
            gmm_store(outs, dimension, tile, stride, rows, c0, cols);
        }
    }
}

// ---- entry points ----

#define LINEAR_ENTRIES(K)                                                                      \
    extern "C" __global__ void linear##K##_f64(LinearArgs<double, K> p) { linear_body(p); }    \
    extern "C" __global__ void linear##K##_f32(LinearArgs<float, K> p) { linear_body(p); }     \
    extern "C" __global__ void diagonal##K##_f64(DiagonalArgs<double, K> p) { diagonal_body(p); } \
    extern "C" __global__ void diagonal##K##_f32(DiagonalArgs<float, K> p) { diagonal_body(p); }  \
    extern "C" __global__ void complex##K##_f64(DiagonalArgs<double, K> p) { complex_body(p); }   \
    extern "C" __global__ void complex##K##_f32(DiagonalArgs<float, K> p) { complex_body(p); }

LINEAR_ENTRIES(1)
LINEAR_ENTRIES(2)
LINEAR_ENTRIES(3)
LINEAR_ENTRIES(4)
LINEAR_ENTRIES(5)
LINEAR_ENTRIES(6)
LINEAR_ENTRIES(7)
LINEAR_ENTRIES(8)

extern "C" __global__ void dense_f64(DenseArgs<double> p) { dense_body(p); }
extern "C" __global__ void dense_f32(DenseArgs<float> p) { dense_body(p); }

extern "C" __global__ void fill_f64(FillArgs<double> p) { fill_body(p); }
extern "C" __global__ void fill_f32(FillArgs<float> p) { fill_body(p); }

extern "C" __global__ void __launch_bounds__(REDUCE_THREADS) max_abs_f64(MaxAbsArgs<double> p) {
    max_abs_body(p);
}
extern "C" __global__ void __launch_bounds__(REDUCE_THREADS) max_abs_f32(MaxAbsArgs<float> p) {
    max_abs_body(p);
}

// Launched with one block of REDUCE_THREADS threads. Also the maximum over the per-sample norms
// of maxSampleRms (each >= 0 or NaN, so the maximum from 0 is theirs; NaN propagates).
extern "C" __global__ void __launch_bounds__(REDUCE_THREADS) max_abs_final(MaxAbsFinalArgs p) {
    double m = 0;
    for (long long i = threadIdx.x; i < p.count; i += blockDim.x) {
        m = nan_max(m, p.partials[i]);
    }
    m = block_max(m);
    if (threadIdx.x == 0) {
        p.result[0] = m;
    }
}

extern "C" __global__ void __launch_bounds__(RMS_ROWS) rms_f64(RmsArgs<double> p) { rms_body(p); }
extern "C" __global__ void __launch_bounds__(RMS_ROWS) rms_f32(RmsArgs<float> p) { rms_body(p); }

// One thread per sample adds that sample's block sums left to right from 0, then sqrt(sum / n).
extern "C" __global__ void rms_final(RmsFinalArgs p) {
    for (long long s = global_thread(); s < p.samples; s += grid_threads()) {
        const double* part = p.partials + s * p.blocks_per_sample;
        double sum = 0;
        for (long long b = 0; b < p.blocks_per_sample; ++b) {
            sum = add_rn(sum, part[b]);
        }
        p.out[s] = __dsqrt_rn(__ddiv_rn(sum, static_cast<double>(p.sample_length)));
    }
}

// Launched with up to GMM_MAX_THREADS threads (samples) per block and
// threads * (min(dimension, GMM_TILE) + 1 + components) doubles of dynamic shared memory.
extern "C" __global__ void __launch_bounds__(GMM_MAX_THREADS) gmm_noise_f64(GmmArgs<double> p) { gmm_body(p); }
extern "C" __global__ void __launch_bounds__(GMM_MAX_THREADS) gmm_noise_f32(GmmArgs<float> p) { gmm_body(p); }
