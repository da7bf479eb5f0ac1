// Runs the real kernel source (expint4j_kernels.cu) on the CPU through cuda_host_emulation.h,
// launched with the grids the Java backend uses (for a 2-SM device, so grid-stride loops wrap),
// and compares every result bit for bit with a reference written from the CPU backend's
// documented evaluation order (org.expint4j.vector package documentation). Built and run by
// KernelEmulationTest when g++ is present. Prints one line per failure and a summary; exit status
// 0 if everything agrees.
//
//   emulate_kernels                          every element-wise kernel and reduction, bit for bit
//   emulate_kernels gmm IN OUT               one launch of the Gaussian-mixture kernel on the inputs
//                                            KernelEmulationTest wrote to IN; results to OUT; the
//                                            Java test compares them with the CPU model
#include <cstdio>
#include <random>
#include <string>

#include "cuda_host_emulation.h"

// The kernels' exp() goes through the emulation's switchable exp (after every standard header,
// so only the kernel source sees the macro).
#define exp(z) emulated_exp(z)
#include "../../main/cuda/expint4j_kernels.cu"
#undef exp

namespace {

const int SMS = 2;
const unsigned THREADS = 256;
int checks = 0;
int failures = 0;

long long ceil_div(long long a, long long b) { return (a + b - 1) / b; }

unsigned element_grid(long long work) {
    long long g = ceil_div(work, THREADS);
    if (g > SMS * 8LL) g = SMS * 8LL;
    return static_cast<unsigned>(g < 1 ? 1 : g);
}

// Elementwise kernels never synchronise: run the threads of each block one after another.
template <typename Args>
void launch_sequential(void (*kernel)(Args), unsigned grid, unsigned block, const Args& args) {
    gridDim.x = grid;
    blockDim.x = block;
    emulated_barrier = nullptr;
    for (unsigned b = 0; b < grid; ++b) {
        for (unsigned t = 0; t < block; ++t) {
            blockIdx.x = b;
            threadIdx.x = t;
            kernel(args);
        }
    }
}

template <typename T>
bool same_bits(T a, T b) {
    if (a != a && b != b) return true;  // any NaN
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

template <typename T>
void expect(const std::string& what, const std::vector<T>& expected, const T* actual, long long n) {
    ++checks;
    for (long long i = 0; i < n; ++i) {
        if (!same_bits(expected[i], actual[i])) {
            ++failures;
            std::printf("FAIL %s: element %lld expected %.17g got %.17g\n", what.c_str(), i,
                        static_cast<double>(expected[i]), static_cast<double>(actual[i]));
            return;
        }
    }
}

void expect_scalar(const std::string& what, double expected, double actual) {
    std::vector<double> e{expected};
    expect(what, e, &actual, 1);
}

template <typename T> T as_weight(double a) { return static_cast<T>(a); }

// ---- references: the CPU backend's order ----

template <typename T>
std::vector<T> ref_linear(const std::vector<double>& a, const std::vector<const T*>& x, int k, long long n) {
    std::vector<T> out(n);
    for (long long i = 0; i < n; ++i) {
        T s = as_weight<T>(a[0]) * x[0][i];
        for (int j = 1; j < k; ++j) s = s + as_weight<T>(a[j]) * x[j][i];
        out[i] = s;
    }
    return out;
}

template <typename T>
std::vector<T> ref_diagonal(const std::vector<const T*>& w, const std::vector<const T*>& x, int k, long long n) {
    std::vector<T> out(n);
    for (long long i = 0; i < n; ++i) {
        T s = w[0][i] * x[0][i];
        for (int j = 1; j < k; ++j) s = s + w[j][i] * x[j][i];
        out[i] = s;
    }
    return out;
}

template <typename T>
std::vector<T> ref_complex(const std::vector<const T*>& w, const std::vector<const T*>& x, int k, long long n) {
    std::vector<T> out(n);
    for (long long i = 0; i < n; i += 2) {
        T re = 0, im = 0;
        for (int j = 0; j < k; ++j) {
            const T r = w[j][i] * x[j][i] - w[j][i + 1] * x[j][i + 1];
            const T m = w[j][i] * x[j][i + 1] + w[j][i + 1] * x[j][i];
            re = j == 0 ? r : re + r;
            im = j == 0 ? m : im + m;
        }
        out[i] = re;
        out[i + 1] = im;
    }
    return out;
}

template <typename T>
std::vector<T> ref_dense(const std::vector<const T*>& w, const std::vector<const T*>& x, int k, long long n) {
    std::vector<T> out(n);
    for (long long r = 0; r < n; ++r) {
        T s = w[0][r * n] * x[0][0];
        for (long long c = 1; c < n; ++c) s = s + w[0][r * n + c] * x[0][c];
        for (int j = 1; j < k; ++j)
            for (long long c = 0; c < n; ++c) s = s + w[j][r * n + c] * x[j][c];
        out[r] = s;
    }
    return out;
}

template <typename T>
double ref_max_abs(const T* x, long long n) {
    T m = 0;
    for (long long i = 0; i < n; ++i) {
        const T v = std::fabs(x[i]);
        m = (m != m) ? m : (v != v) ? v : (m > v ? m : v);  // Math.max
    }
    return m;
}

template <typename T>
std::vector<double> ref_rms(const T* x, const T* y, const T* atolv, double atol, double rtol, double min_atol,
                            long long n, long long samples) {
    const long long len = n / samples;
    std::vector<double> out(samples);
    for (long long s = 0; s < samples; ++s) {
        double sum = 0;
        for (long long b0 = 0; b0 < len; b0 += 1024) {
            double block = 0;
            for (long long i = s * len + b0; i < s * len + std::min(len, b0 + 1024); ++i) {
                const double xi = x[i], yi = y[i];
                const double ai = atolv ? static_cast<double>(atolv[i]) : atol;
                const double diff = xi - yi;
                const double e = diff == 0 ? 0 : diff / (ai + rtol * std::max(std::fabs(xi), std::fabs(yi)));
                block = block + (atolv && !(ai >= min_atol) ? std::numeric_limits<double>::quiet_NaN() : e * e);
            }
            sum = sum + block;
        }
        out[s] = len == 0 ? 0 : std::sqrt(sum / len);
    }
    return out;
}

// VectorOps.maxSampleRms as the CPU backend computes it: per block the sum of the squares from 0,
// NaN if a scaled element or a reference element is not finite, a NaN sum of finite values
// (infinity over infinity) as +infinity; then the block sums, sqrt(sum / len), Math.max from 0.
template <typename T>
double ref_sample_rms(const T* x, const T* y, double scale, const T* r, double atol, double rtol,
                      long long n, long long samples) {
    const long long len = n / samples;
    double m = 0;
    for (long long s = 0; s < samples; ++s) {
        double sum = 0;
        for (long long b0 = 0; b0 < len; b0 += 1024) {
            double block = 0, flags = 0;
            for (long long i = s * len + b0; i < s * len + std::min(len, b0 + 1024); ++i) {
                const double xs = scale * static_cast<double>(x[i]);
                const double ys = scale * static_cast<double>(y[i]);
                const double ri = r[i];
                const double delta = std::max(atol, rtol * std::max(std::fabs(ys), std::fabs(ri)));
                const double e = (xs - ys) / delta;
                block = block + e * e;
                flags = flags + (0 * xs + 0 * ys + 0 * ri);
            }
            sum = sum + (flags != flags ? std::numeric_limits<double>::quiet_NaN()
                         : block != block ? std::numeric_limits<double>::infinity() : block);
        }
        const double norm = std::sqrt(sum / len);
        m = m != m || norm != norm ? std::numeric_limits<double>::quiet_NaN() : std::max(m, norm);
    }
    return m;
}

// ---- launches mirroring CudaVectorOps ----

template <typename T, int K> struct Kern;
#define KERN(K)                                                                                    \
    template <> struct Kern<double, K> {                                                           \
        static constexpr auto linear = linear##K##_f64;                                            \
        static constexpr auto diagonal = diagonal##K##_f64;                                        \
        static constexpr auto complex = complex##K##_f64;                                          \
    };                                                                                             \
    template <> struct Kern<float, K> {                                                            \
        static constexpr auto linear = linear##K##_f32;                                            \
        static constexpr auto diagonal = diagonal##K##_f32;                                        \
        static constexpr auto complex = complex##K##_f32;                                          \
    };
KERN(1) KERN(2) KERN(3) KERN(4) KERN(5) KERN(6) KERN(7) KERN(8)

template <typename T, int K>
void launch_terms(int op, T* out, long long n, bool acc, const T* const* w, const T* const* x, const double* a) {
    if (op == 0) {
        LinearArgs<T, K> p;
        p.out = out; p.n = n; p.acc = acc;
        for (int j = 0; j < K; ++j) { p.x[j] = x[j]; p.a[j] = a[j]; }
        launch_sequential(Kern<T, K>::linear, element_grid(n), THREADS, p);
    } else {
        DiagonalArgs<T, K> p;
        const long long elements = op == 2 ? n / 2 : n;
        p.out = out; p.n = elements; p.acc = acc;
        for (int j = 0; j < K; ++j) { p.w[j] = w[j]; p.x[j] = x[j]; }
        launch_sequential(op == 1 ? Kern<T, K>::diagonal : Kern<T, K>::complex, element_grid(elements), THREADS, p);
    }
}

template <typename T>
void launch_count(int count, int op, T* out, long long n, bool acc, const T* const* w, const T* const* x, const double* a) {
    switch (count) {
        case 1: launch_terms<T, 1>(op, out, n, acc, w, x, a); break;
        case 2: launch_terms<T, 2>(op, out, n, acc, w, x, a); break;
        case 3: launch_terms<T, 3>(op, out, n, acc, w, x, a); break;
        case 4: launch_terms<T, 4>(op, out, n, acc, w, x, a); break;
        case 5: launch_terms<T, 5>(op, out, n, acc, w, x, a); break;
        case 6: launch_terms<T, 6>(op, out, n, acc, w, x, a); break;
        case 7: launch_terms<T, 7>(op, out, n, acc, w, x, a); break;
        default: launch_terms<T, 8>(op, out, n, acc, w, x, a); break;
    }
}

// op 0 linear, 1 diagonal, 2 complex; passes of up to 8 terms, scratch if out is a late input.
template <typename T>
void combine(int op, const std::vector<double>& a, const std::vector<const T*>& w, const std::vector<const T*>& x,
             int k, T* out, long long n) {
    bool late = false;
    for (int j = 8; j < k; ++j) late = late || x[j] == out || (op != 0 && w[j] == out);
    std::vector<T> scratch(late ? n : 0);
    T* target = late ? scratch.data() : out;
    for (int j0 = 0; j0 < k; j0 += 8) {
        const int count = std::min(8, k - j0);
        launch_count<T>(count, op, target, n, j0 > 0, op == 0 ? nullptr : w.data() + j0, x.data() + j0,
                        op == 0 ? a.data() + j0 : nullptr);
    }
    if (late) std::memcpy(out, target, n * sizeof(T));
}

template <typename T> void dense_kernel(DenseArgs<T> p);
template <> void dense_kernel<double>(DenseArgs<double> p) { dense_f64(p); }
template <> void dense_kernel<float>(DenseArgs<float> p) { dense_f32(p); }
template <typename T> void fill_kernel(FillArgs<T> p);
template <> void fill_kernel<double>(FillArgs<double> p) { fill_f64(p); }
template <> void fill_kernel<float>(FillArgs<float> p) { fill_f32(p); }
template <typename T> void max_abs_kernel(MaxAbsArgs<T> p);
template <> void max_abs_kernel<double>(MaxAbsArgs<double> p) { max_abs_f64(p); }
template <> void max_abs_kernel<float>(MaxAbsArgs<float> p) { max_abs_f32(p); }
template <typename T> void rms_kernel(RmsArgs<T> p);
template <> void rms_kernel<double>(RmsArgs<double> p) { rms_f64(p); }
template <> void rms_kernel<float>(RmsArgs<float> p) { rms_f32(p); }

template <typename T>
void dense(const std::vector<const T*>& w, const std::vector<const T*>& x, int k, T* out, long long n) {
    bool late = false;
    for (int j = 1; j < k; ++j) late = late || w[j] == out;
    std::vector<T> scratch(late ? n : 0);
    T* target = late ? scratch.data() : out;
    for (int j = 0; j < k; ++j) {
        DenseArgs<T> p;
        p.out = target; p.n = n; p.acc = j > 0; p.w = w[j]; p.x = x[j];
        launch_sequential(dense_kernel<T>, element_grid(n), THREADS, p);
    }
    if (late) std::memcpy(out, target, n * sizeof(T));
}

template <typename T>
double max_abs(const T* x, long long n) {
    if (n == 0) return 0;
    long long blocks = std::min(std::min(ceil_div(n, 256), SMS * 4LL), 1024LL);
    std::vector<double> partials(blocks);
    double result = -1;
    MaxAbsArgs<T> p;
    p.partials = partials.data(); p.x = x; p.n = n;
    emulate_launch(max_abs_kernel<T>, static_cast<unsigned>(blocks), 256, p);
    MaxAbsFinalArgs f;
    f.result = &result; f.partials = partials.data(); f.count = blocks;
    emulate_launch(max_abs_final, 1, 256, f);
    return result;
}

template <typename T>
std::vector<double> rms(const T* x, const T* y, const T* atolv, double atol, double rtol, double min_atol,
                        long long n, long long samples) {
    const long long len = n / samples;
    std::vector<double> out(samples, 0.0);
    if (len == 0) return out;
    const long long bps = ceil_div(len, 1024);
    const long long units = bps * samples;
    std::vector<double> partials(units, -1.0);
    RmsArgs<T> p;
    p.partials = partials.data(); p.x = x; p.y = y; p.atol_vector = atolv; p.sample_length = len;
    p.blocks_per_sample = bps; p.units = units; p.atol = atol; p.rtol = rtol; p.min_atol = min_atol;
    p.reference = nullptr; p.scale = 1;
    emulate_launch(rms_kernel<T>, static_cast<unsigned>(std::min(ceil_div(units, 128), SMS * 8LL)), 128, p);
    RmsFinalArgs f;
    f.out = out.data(); f.partials = partials.data(); f.samples = samples; f.blocks_per_sample = bps;
    f.sample_length = len;
    launch_sequential(rms_final, static_cast<unsigned>(std::min(ceil_div(samples, 256), SMS * 8LL)), 256, f);
    return out;
}

// CudaVectorOps.maxSampleRms: the RMS kernel with a reference, rms_final, then max_abs_final over
// the per-sample norms into the (consumed) partials buffer.
template <typename T>
double sample_rms(const T* x, const T* y, double scale, const T* r, double atol, double rtol,
                  long long n, long long samples) {
    const long long len = n / samples;
    const long long bps = ceil_div(len, 1024);
    const long long units = bps * samples;
    std::vector<double> partials(std::max(units, 1LL), -1.0), norms(samples, -1.0);
    RmsArgs<T> p;
    p.partials = partials.data(); p.x = x; p.y = y; p.atol_vector = nullptr; p.sample_length = len;
    p.blocks_per_sample = bps; p.units = units; p.atol = atol; p.rtol = rtol; p.min_atol = 0;
    p.reference = r; p.scale = scale;
    emulate_launch(rms_kernel<T>, static_cast<unsigned>(std::min(ceil_div(units, 128), SMS * 8LL)), 128, p);
    RmsFinalArgs f;
    f.out = norms.data(); f.partials = partials.data(); f.samples = samples; f.blocks_per_sample = bps;
    f.sample_length = len;
    launch_sequential(rms_final, static_cast<unsigned>(std::min(ceil_div(samples, 256), SMS * 8LL)), 256, f);
    MaxAbsFinalArgs m;
    m.result = partials.data(); m.partials = norms.data(); m.count = samples;
    emulate_launch(max_abs_final, 1, 256, m);
    return partials[0];
}

template <typename T>
std::vector<T> random_vector(std::mt19937_64& rng, long long n) {
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<T> v(n + 4);  // room for a misaligned view
    for (auto& e : v) e = static_cast<T>(u(rng));
    return v;
}

template <typename T>
void run(const char* precision) {
    std::mt19937_64 rng(20260101);
    const int K = 10;
    std::vector<double> a(K);
    std::uniform_real_distribution<double> u(-2, 2);
    for (auto& e : a) e = u(rng);
    for (long long n : {2LL, 6LL, 1002LL, 70002LL}) {
        std::vector<std::vector<T>> xs, ws;
        for (int j = 0; j < K; ++j) {
            xs.push_back(random_vector<T>(rng, n));
            ws.push_back(random_vector<T>(rng, n));
        }
        for (int offset : {0, 1}) {  // offset 1 misaligns every view: the scalar path
            std::vector<const T*> x, w;
            for (int j = 0; j < K; ++j) {
                x.push_back(xs[j].data() + offset);
                w.push_back(ws[j].data() + offset);
            }
            for (int k = 1; k <= K; ++k) {
                const std::string tag = std::string(precision) + " n=" + std::to_string(n) + " offset="
                    + std::to_string(offset) + " k=" + std::to_string(k);
                std::vector<T> out(n + 4, T(7));
                combine<T>(0, a, w, x, k, out.data() + offset, n);
                expect("linear " + tag, ref_linear<T>(a, x, k, n), out.data() + offset, n);
                combine<T>(1, a, w, x, k, out.data() + offset, n);
                expect("diagonal " + tag, ref_diagonal<T>(w, x, k, n), out.data() + offset, n);
                if (offset == 0) {  // complex data is always whole, aligned vectors
                    combine<T>(2, a, w, x, k, out.data(), n);
                    expect("complex " + tag, ref_complex<T>(w, x, k, n), out.data(), n);
                }
            }
        }
        // out aliasing an early and a late input
        for (int target : {0, K - 1}) {
            for (int op = 0; op < 3; ++op) {
                std::vector<std::vector<T>> xc = xs, wc = ws;
                std::vector<const T*> x, w;
                for (int j = 0; j < K; ++j) {
                    x.push_back(xc[j].data());
                    w.push_back(wc[j].data());
                }
                const std::vector<T> expected = op == 0 ? ref_linear<T>(a, x, K, n)
                    : op == 1 ? ref_diagonal<T>(w, x, K, n) : ref_complex<T>(w, x, K, n);
                combine<T>(op, a, w, x, K, xc[target].data(), n);
                expect(std::string(precision) + " aliased op=" + std::to_string(op) + " out=x[" + std::to_string(target)
                       + "] n=" + std::to_string(n), expected, xc[target].data(), n);
            }
        }
        // reductions
        const T* x0 = xs[0].data();
        expect_scalar(std::string(precision) + " max_abs n=" + std::to_string(n), ref_max_abs(x0, n), max_abs(x0, n));
        std::vector<T> nan = xs[1];
        nan[n / 2] = std::numeric_limits<T>::quiet_NaN();
        expect_scalar(std::string(precision) + " max_abs NaN n=" + std::to_string(n), ref_max_abs(nan.data(), n),
                      max_abs(nan.data(), n));
        std::vector<T> y = xs[0], zx = xs[0], atolv(n);
        for (long long i = 0; i < n; ++i) {
            if (i % 7) y[i] = static_cast<T>(y[i] + static_cast<T>(1e-4) * xs[2][i]);
            if (i % 11 == 0) { zx[i] = 0; y[i] = 0; }
            atolv[i] = static_cast<T>(1e-6 * (1 + i % 13));
        }
        for (long long samples : {1LL, 2LL, n / 2}) {
            const std::string tag = std::string(precision) + " n=" + std::to_string(n) + " samples="
                + std::to_string(samples);
            expect("rms " + tag, ref_rms<T>(x0, y.data(), nullptr, 1e-6, 1e-3, 0, n, samples),
                   rms<T>(x0, y.data(), nullptr, 1e-6, 1e-3, 0, n, samples).data(), samples);
            expect("rms atol=0 zeros " + tag, ref_rms<T>(zx.data(), y.data(), nullptr, 0, 1e-3, 0, n, samples),
                   rms<T>(zx.data(), y.data(), nullptr, 0, 1e-3, 0, n, samples).data(), samples);
        }
        for (long long samples : {1LL, 2LL, n / 2}) {
            const std::string tag = std::string(precision) + " n=" + std::to_string(n) + " samples="
                + std::to_string(samples);
            expect_scalar("sample rms " + tag, ref_sample_rms<T>(x0, y.data(), -0.8, zx.data(), 1e-6, 1e-3, n, samples),
                          sample_rms<T>(x0, y.data(), -0.8, zx.data(), 1e-6, 1e-3, n, samples));
            // Overflow of the quotient with finite values: +infinity.
            expect_scalar("sample rms overflow " + tag,
                          ref_sample_rms<T>(x0, y.data(), 1e300, zx.data(), 4.9e-324, 0, n, samples),
                          sample_rms<T>(x0, y.data(), 1e300, zx.data(), 4.9e-324, 0, n, samples));
            // An infinite reference element hides in delta; the norm must still be NaN.
            std::vector<T> inf = zx;
            inf[n - 1] = std::numeric_limits<T>::infinity();
            expect_scalar("sample rms infinite reference " + tag,
                          ref_sample_rms<T>(x0, y.data(), 0.5, inf.data(), 1e-6, 1e-3, n, samples),
                          sample_rms<T>(x0, y.data(), 0.5, inf.data(), 1e-6, 1e-3, n, samples));
        }
        expect("rms atol vector " + std::string(precision) + " n=" + std::to_string(n),
               ref_rms<T>(x0, y.data(), atolv.data(), 0, 1e-3, 0, n, 1),
               rms<T>(x0, y.data(), atolv.data(), 0, 1e-3, 0, n, 1).data(), 1);
        atolv[n - 1] = static_cast<T>(-1);
        const double invalid = rms<T>(x0, y.data(), atolv.data(), 0, 1e-3, 0, n, 1)[0];
        ++checks;
        if (invalid == invalid) {
            ++failures;
            std::printf("FAIL %s rms with a negative atol is %.17g, expected NaN\n", precision, invalid);
        }
        // fill
        std::vector<T> filled(n);
        FillArgs<T> fa;
        fa.out = filled.data(); fa.n = n; fa.value = 1.0 / 3;
        launch_sequential(fill_kernel<T>, element_grid(n), THREADS, fa);
        expect(std::string(precision) + " fill n=" + std::to_string(n), std::vector<T>(n, static_cast<T>(1.0 / 3)),
               filled.data(), n);
    }
    for (long long n : {1LL, 5LL, 67LL}) {
        const int k = 3;
        std::vector<std::vector<T>> wv, xv;
        for (int j = 0; j < k; ++j) {
            wv.push_back(random_vector<T>(rng, n * n));
            xv.push_back(random_vector<T>(rng, n));
        }
        std::vector<const T*> w, x;
        for (int j = 0; j < k; ++j) {
            w.push_back(wv[j].data());
            x.push_back(xv[j].data());
        }
        std::vector<T> out(n);
        const std::vector<T> expected = ref_dense<T>(w, x, k, n);
        dense<T>(w, x, k, out.data(), n);
        expect(std::string(precision) + " dense n=" + std::to_string(n), expected, out.data(), n);
        if (n == 1) {
            dense<T>(w, x, k, wv[2].data(), n);
            expect(std::string(precision) + " dense n=1 out=w[2]", expected, wv[2].data(), n);
        }
    }
    expect_scalar(std::string(precision) + " max_abs empty", 0.0, max_abs<T>(nullptr, 0));
}

// ---- the Gaussian-mixture kernel on inputs from the Java test ----
// IN, little-endian: int64 precision (64 or 32), samples, dimension, components, threads, grid,
// aliased (out is x), exp mode; double alpha, sigma, alpha2, sigma2; means[K*D], stds2[K*D],
// log_norm[K]; x[samples*D] (float values for precision 32). OUT: samples*D doubles.

template <typename T> void gmm_kernel(GmmArgs<T> p);
template <> void gmm_kernel<double>(GmmArgs<double> p) { gmm_noise_f64(p); }
template <> void gmm_kernel<float>(GmmArgs<float> p) { gmm_noise_f32(p); }

struct GmmInput {
    long long precision, samples, dimension, components, threads, grid, aliased, exp_mode;
    double alpha, sigma, alpha2, sigma2;
    std::vector<double> means, stds2, log_norm, x;
};

bool read_all(std::FILE* f, void* data, size_t bytes) { return std::fread(data, 1, bytes, f) == bytes; }

template <typename T>
std::vector<double> gmm_launch(const GmmInput& in) {
    const long long n = in.samples * in.dimension;
    std::vector<T> x(in.x.begin(), in.x.end());
    std::vector<T> out(n, T(-7));
    GmmArgs<T> p;
    p.out = in.aliased ? x.data() : out.data();
    p.x = x.data();
    p.means = in.means.data();
    p.stds2 = in.stds2.data();
    p.log_norm = in.log_norm.data();
    p.samples = in.samples;
    p.dimension = in.dimension;
    p.components = in.components;
    p.alpha = in.alpha;
    p.sigma = in.sigma;
    p.alpha2 = in.alpha2;
    p.sigma2 = in.sigma2;
    const long long width = std::min(in.dimension, static_cast<long long>(GMM_TILE));
    const size_t shared = static_cast<size_t>(in.threads * (width + 1 + in.components)) * sizeof(double);
    emulate_launch(gmm_kernel<T>, static_cast<unsigned>(in.grid), static_cast<unsigned>(in.threads), p, shared);
    const T* result = in.aliased ? x.data() : out.data();
    return std::vector<double>(result, result + n);
}

int run_gmm(const char* in_path, const char* out_path) {
    std::FILE* f = std::fopen(in_path, "rb");
    if (!f) {
        std::printf("cannot open %s\n", in_path);
        return 2;
    }
    GmmInput in;
    long long header[8];
    double scalars[4];
    bool ok = read_all(f, header, sizeof header) && read_all(f, scalars, sizeof scalars);
    if (ok) {
        in.precision = header[0]; in.samples = header[1]; in.dimension = header[2]; in.components = header[3];
        in.threads = header[4]; in.grid = header[5]; in.aliased = header[6]; in.exp_mode = header[7];
        in.alpha = scalars[0]; in.sigma = scalars[1]; in.alpha2 = scalars[2]; in.sigma2 = scalars[3];
        in.means.resize(in.components * in.dimension);
        in.stds2.resize(in.components * in.dimension);
        in.log_norm.resize(in.components);
        in.x.resize(in.samples * in.dimension);
        ok = read_all(f, in.means.data(), in.means.size() * sizeof(double))
            && read_all(f, in.stds2.data(), in.stds2.size() * sizeof(double))
            && read_all(f, in.log_norm.data(), in.log_norm.size() * sizeof(double))
            && read_all(f, in.x.data(), in.x.size() * sizeof(double));
    }
    std::fclose(f);
    if (!ok) {
        std::printf("short input %s\n", in_path);
        return 2;
    }
    emulated_exp_mode = static_cast<int>(in.exp_mode);
    const std::vector<double> out = in.precision == 32 ? gmm_launch<float>(in) : gmm_launch<double>(in);
    std::FILE* o = std::fopen(out_path, "wb");
    if (!o || std::fwrite(out.data(), sizeof(double), out.size(), o) != out.size()) {
        std::printf("cannot write %s\n", out_path);
        return 2;
    }
    std::fclose(o);
    std::printf("gmm: %lld samples x %lld, K=%lld, %lld threads x %lld blocks, f%lld\n", in.samples, in.dimension,
                in.components, in.threads, in.grid, in.precision);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "gmm") {
        return run_gmm(argv[2], argv[3]);
    }
    run<double>("f64");
    run<float>("f32");
    std::printf("%d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
