package org.expint4j.verification.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.sampler.Sampler;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.sampler.SolverType;
import org.expint4j.method.UniPcCoefficients;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The spelled-out option values of the sampling commands: the reference sampler's keywords
 * ({@code logSNR}, {@code dpmsolver++}, {@code singlestep_fixed}, ...) mapped to the library's
 * enums. Matching ignores case; an unknown value is refused with the list of valid ones.
 */
final class Choices {

    private Choices() {
    }

    /** A fixed set of names for the values of one option. */
    static class Converter<E> implements ITypeConverter<E> {

        private final Map<String, E> names = new LinkedHashMap<>();

        Converter<E> add(String name, E value) {
            names.put(name, value);
            return this;
        }

        @Override
        public E convert(String value) {
            for (Map.Entry<String, E> e : names.entrySet()) {
                if (e.getKey().equalsIgnoreCase(value)) {
                    return e.getValue();
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", names.keySet()));
        }

        /** @return the name of a value, as written on the command line */
        String nameOf(E value) {
            for (Map.Entry<String, E> e : names.entrySet()) {
                if (e.getValue().equals(value)) {
                    return e.getKey();
                }
            }
            return String.valueOf(value);
        }
    }

    /**
     * An output file: a name that ends with a separator means a directory, which {@link java.nio.file.Path}
     * would silently drop ({@code newdir/} would become a file {@code newdir}).
     */
    static final class OutputFile implements ITypeConverter<java.nio.file.Path> {
        @Override
        public java.nio.file.Path convert(String value) {
            if (value.endsWith("/") || value.endsWith(java.io.File.separator)) {
                throw new TypeConversionException("'" + value + "' names a directory; give a file name");
            }
            return java.nio.file.Path.of(value);
        }
    }

    /** The noise source of SDE sampling. */
    enum SdeNoise {
        /** Independent seeded Gaussian noise per step ({@code GaussianNoise}). */
        GAUSSIAN,
        /** Normalised increments of a seeded virtual Brownian tree ({@code BrownianTreeNoise}). */
        BROWNIAN_TREE
    }

    /** {@code --sde-noise}. */
    static final class SdeNoises extends Converter<SdeNoise> {
        SdeNoises() {
            add("brownian-tree", SdeNoise.BROWNIAN_TREE).add("gaussian", SdeNoise.GAUSSIAN);
        }
    }

    /** How a trained model reads time. */
    enum ModelTime {
        /** Continuous \(t\). */
        CONTINUOUS,
        /** The reference's discrete map \(1000(t - 1/N)\). */
        DISCRETE
    }

    /** {@code --model-time}. */
    static final class ModelTimes extends Converter<ModelTime> {
        ModelTimes() {
            add("continuous", ModelTime.CONTINUOUS).add("discrete", ModelTime.DISCRETE);
        }
    }

    /** Reference {@code model_type}. */
    static final class ModelTypes extends Converter<org.expint4j.diffusion.model.ModelType> {
        ModelTypes() {
            add("noise", org.expint4j.diffusion.model.ModelType.NOISE)
                    .add("x_start", org.expint4j.diffusion.model.ModelType.DATA)
                    .add("v", org.expint4j.diffusion.model.ModelType.VELOCITY)
                    .add("score", org.expint4j.diffusion.model.ModelType.SCORE)
                    .add("flow", org.expint4j.diffusion.model.ModelType.FLOW_VELOCITY);
        }
    }

    /** Reference {@code skip_type}. */
    static final class SkipTypes extends Converter<SkipType> {
        SkipTypes() {
            add("logSNR", SkipType.LOGSNR).add("time_uniform", SkipType.TIME_UNIFORM)
                    .add("time_quadratic", SkipType.TIME_QUADRATIC);
        }
    }

    /** Reference {@code method}. */
    static final class Methods extends Converter<SamplingMethod> {
        Methods() {
            add("multistep", SamplingMethod.MULTISTEP).add("singlestep", SamplingMethod.SINGLESTEP)
                    .add("singlestep_fixed", SamplingMethod.SINGLESTEP_FIXED).add("adaptive", SamplingMethod.ADAPTIVE);
        }
    }

    /** Reference {@code algorithm_type}. */
    static final class Algorithms extends Converter<Algorithm> {
        Algorithms() {
            add("dpmsolver", Algorithm.DPMSOLVER).add("dpmsolver++", Algorithm.DPMSOLVER_PLUS_PLUS);
        }
    }

    /** Reference {@code solver_type}. */
    static final class SolverTypes extends Converter<SolverType> {
        SolverTypes() {
            add("dpmsolver", SolverType.DPMSOLVER).add("taylor", SolverType.TAYLOR);
        }
    }

    /** The noise schedules the command line offers. */
    enum Schedule {
        /** DDPM linear betas 1e-4 to 0.02, N = 1000. */
        DISCRETE_LINEAR,
        /** The improved-DDPM cosine betas, N = 1000. */
        DISCRETE_COSINE,
        /** Continuous linear VP, β0 = 0.1, β1 = 20. */
        LINEAR,
        /** The legacy continuous cosine schedule. */
        COSINE,
        /** Variance exploding, EDM's σ(t) = t on [0.002, 80]. */
        VE,
        /** Flow matching / rectified flow, α = 1 − t, σ = t on [1e-3, 1 − 1e-3]. */
        FLOW
    }

    /** {@code --schedule}. */
    static final class Schedules extends Converter<Schedule> {
        Schedules() {
            add("discrete-linear", Schedule.DISCRETE_LINEAR).add("discrete-cosine", Schedule.DISCRETE_COSINE)
                    .add("linear", Schedule.LINEAR).add("cosine", Schedule.COSINE)
                    .add("ve", Schedule.VE).add("flow", Schedule.FLOW);
        }
    }

    /** {@code --sigmas} by name: the σ-spacings of k-diffusion and diffusers. */
    static final class Sigmas extends Converter<SkipType> {
        Sigmas() {
            add("karras", SkipType.KARRAS).add("exponential", SkipType.LOGSNR)
                    .add("polyexponential", SkipType.POLYEXPONENTIAL).add("flow", SkipType.FLOW);
        }
    }

    /** Weights of multistep order 3. */
    enum ThirdOrderWeights {
        /** The exact exponential Adams weights: third order. */
        EXACT,
        /** The reference's published formula: second order. */
        REFERENCE
    }

    /** {@code --multistep3}. */
    static final class Multistep3 extends Converter<ThirdOrderWeights> {
        Multistep3() {
            add("exact", ThirdOrderWeights.EXACT).add("reference", ThirdOrderWeights.REFERENCE);
        }
    }

    /** Multistep warm-up. */
    static final class Warmups extends Converter<org.expint4j.diffusion.sampler.SampleOptions.Warmup> {
        Warmups() {
            add("lower-order", org.expint4j.diffusion.sampler.SampleOptions.Warmup.LOWER_ORDER)
                    .add("singlestep", org.expint4j.diffusion.sampler.SampleOptions.Warmup.SINGLESTEP);
        }
    }

    /** {@code --sampler}. */
    static final class Samplers extends Converter<Sampler> {
        Samplers() {
            add("dpm-solver", Sampler.DPM_SOLVER).add("unipc", Sampler.UNIPC).add("deis-tab", Sampler.DEIS_TAB)
                    .add("deis-rhoab", Sampler.DEIS_RHOAB).add("ipndm", Sampler.IPNDM);
        }
    }

    /** {@code --variant}: UniPC's B(h). */
    static final class Variants extends Converter<UniPcCoefficients.Variant> {
        Variants() {
            add("bh1", UniPcCoefficients.Variant.BH1)
                    .add("bh2", UniPcCoefficients.Variant.BH2);
        }
    }

    /** Floating-point precision of the sampler's state. */
    enum Precision {
        /** {@code double[]} states. */
        FLOAT64,
        /** {@code float[]} states, the model evaluated in double and rounded. */
        FLOAT32
    }

    /** {@code --precision}. */
    static final class Precisions extends Converter<Precision> {
        Precisions() {
            add("float64", Precision.FLOAT64).add("float32", Precision.FLOAT32);
        }
    }

    /** Where the vector arithmetic runs. */
    enum Backend {
        /** A CUDA device when one works and the run can use it, else the CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** A CUDA device; an error where none works. */
        CUDA
    }

    /** {@code --backend}. */
    static final class Backends extends Converter<Backend> {
        Backends() {
            add("auto", Backend.AUTO).add("cpu", Backend.CPU).add("cuda", Backend.CUDA);
        }
    }
}
