package org.expint4j.verification.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.expint4j.integrate.AdaptiveIntegrator;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.integrate.IntegrationException;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.StepSizeController;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.verification.problems.BenchmarkProblem;

/**
 * An order-of-convergence study: a problem (or a family of problems), a list of methods and a
 * ladder — step counts \(n\) with \(h = (t_1 - t_0)/n\), or tolerances for adaptive runs of
 * embedded pairs — giving, per method and rung, the max-norm and RMS errors against the
 * problem's reference, the NFE and the wall time, and per method the observed order with its
 * confidence interval ({@link OrderFit}).
 *
 * <pre>{@code
 * OrderStudyResult result = OrderStudy.builder()
 *         .problem(ProblemLibrary.byName("hochost"))
 *         .methods("etd1", "etd2rk", "krogstad", "hochost4")
 *         .stepLadder(4, 256)
 *         .run();
 * System.out.println(result.toMarkdown());
 * result.writeCsv(Path.of("hochost.csv"));
 * result.writePlot(Path.of("hochost.png"), Path.of("hochost.svg"));
 * }</pre>
 *
 * <p><b>Problem families.</b> {@link Builder#problemFamily} measures the error of each rung as
 * the largest over the members — for example one manufactured problem at stiffnesses
 * \(\kappa = 1, \dots, 10^6\). Its slope is the order that holds <em>uniformly</em> in the
 * stiffness, the quantity the stiff-order theory bounds; at a single large \(\kappa\), error
 * terms such as \(h^p/(h\kappa)\) are small but decay only like \(h^{p-1}\), so single-problem
 * slopes can mislead.
 *
 * <p>Runs use the serial CPU backend on {@code double[]}; an integration failure is recorded
 * in its rung ({@link Rung.Status#FAILED}) and does not stop the study. Not thread-safe; a
 * study is cheap to rebuild.
 */
public final class OrderStudy {

    private final String name;
    private final String description;
    private final List<BenchmarkProblem> members;
    private final List<ExponentialMethod> methods;
    private final int[] steps;
    private final double[] tolerances;
    private final DoubleFunction<StepSizeController> controller;
    private final int fitMin;
    private final int fitMax;
    private final double fitErrorLow;
    private final double fitErrorHigh;
    private final int repeats;

    private OrderStudy(Builder b) {
        if (b.members == null || b.members.isEmpty()) {
            throw new IllegalStateException("no problem given");
        }
        if (b.methods.isEmpty()) {
            throw new IllegalStateException("no method given");
        }
        if ((b.steps == null) == (b.tolerances == null)) {
            throw new IllegalStateException("give exactly one ladder: steps or tolerances");
        }
        BenchmarkProblem first = b.members.get(0);
        for (BenchmarkProblem p : b.members) {
            if (p.t0() != first.t0() || p.t1() != first.t1()) {
                throw new IllegalArgumentException("family members need one time span; " + p.name() + " has ["
                        + p.t0() + ", " + p.t1() + "], " + first.name() + " has [" + first.t0() + ", " + first.t1() + "]");
            }
        }
        if (b.tolerances != null) {
            for (ExponentialMethod m : b.methods) {
                if (!(m instanceof ExponentialRungeKuttaMethod) || m.embeddedOrder() == 0) {
                    throw new IllegalArgumentException("a tolerance ladder needs embedded pairs; " + m.name()
                            + " has no embedded solution");
                }
            }
        }
        this.name = b.name;
        this.description = b.description;
        this.members = List.copyOf(b.members);
        this.methods = List.copyOf(b.methods);
        this.steps = b.steps;
        this.tolerances = b.tolerances;
        this.controller = b.controller;
        this.fitMin = b.fitMin;
        this.fitMax = b.fitMax;
        this.fitErrorLow = b.fitErrorLow;
        this.fitErrorHigh = b.fitErrorHigh;
        this.repeats = b.repeats;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every method on every rung.
     *
     * @return the result
     */
    public OrderStudyResult run() {
        double scale = 0;
        List<double[]> references = new ArrayList<>();
        for (BenchmarkProblem p : members) {
            double[] ref = p.toPhysical(p.referenceSolution());
            references.add(ref);
            scale = Math.max(scale, maxAbs(ref));
        }
        List<MethodConvergence> results = new ArrayList<>();
        for (ExponentialMethod m : methods) {
            results.add(runMethod(m, references, scale));
        }
        BenchmarkProblem first = members.get(0);
        String reference = members.size() == 1 ? first.referenceDescription()
                : first.referenceDescription() + " of each of the " + members.size()
                + " members, largest error over them";
        return new OrderStudyResult(name, description, reference, first.t1(), scale,
                tolerances != null, results);
    }

    private MethodConvergence runMethod(ExponentialMethod method, List<double[]> references, double scale) {
        int k = steps != null ? steps.length : tolerances.length;
        double span = members.get(0).t1() - members.get(0).t0();
        double[] h = new double[k];
        double[] maxError = new double[k];
        double[] rmsError = new double[k];
        long[] nfe = new long[k];
        long[] accepted = new long[k];
        long[] rejected = new long[k];
        double[] wall = new double[k];
        String[] failure = new String[k];
        boolean[] window = new boolean[k];
        for (int r = 0; r < k; r++) {
            for (int j = 0; j < members.size(); j++) {
                BenchmarkProblem p = members.get(j);
                double[] u = new double[p.problem().getDimension()];
                double[] times = new double[repeats];
                IntegrationStatistics stats = null;
                try {
                    for (int rep = 0; rep < repeats; rep++) {
                        long start = System.nanoTime();
                        stats = integrate(method, p, r, u);
                        times[rep] = (System.nanoTime() - start) * 1e-9;
                    }
                } catch (IntegrationException e) {
                    failure[r] = p.name() + ": " + e.getMessage();
                    maxError[r] = Double.NaN;
                    rmsError[r] = Double.NaN;
                    continue;
                }
                Arrays.sort(times);
                wall[r] += times[repeats / 2];
                nfe[r] = Math.max(nfe[r], stats.evaluations());
                accepted[r] = Math.max(accepted[r], stats.acceptedSteps());
                rejected[r] = Math.max(rejected[r], stats.rejectedSteps());
                if (failure[r] == null) {
                    double[] x = p.toPhysical(u);
                    double[] ref = references.get(j);
                    double max = 0;
                    double sum = 0;
                    for (int i = 0; i < x.length; i++) {
                        double d = Math.abs(x[i] - ref[i]);
                        max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
                        sum += d * d;
                    }
                    maxError[r] = Math.max(maxError[r], max);
                    rmsError[r] = Math.max(rmsError[r], Math.sqrt(sum / x.length));
                }
            }
            h[r] = steps != null ? span / steps[r] : span / Math.max(accepted[r], 1);
            double relative = maxError[r] / Math.max(scale, Double.MIN_NORMAL);
            window[r] = (steps == null || (steps[r] >= fitMin && steps[r] <= fitMax))
                    && !(relative < fitErrorLow || relative > fitErrorHigh); // NaN stays in, to be FAILED
        }
        OrderFit fit = OrderFit.fit(h, maxError, scale, window);
        List<Rung> rungs = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            rungs.add(new Rung(steps != null ? steps[r] : (int) accepted[r], h[r],
                    tolerances != null ? tolerances[r] : Double.NaN, maxError[r], rmsError[r], nfe[r], accepted[r],
                    rejected[r], wall[r], fit.localOrder(r), fit.status(r), failure[r]));
        }
        return new MethodConvergence(method, rungs, fit);
    }

    private IntegrationStatistics integrate(ExponentialMethod method, BenchmarkProblem p, int rung, double[] out) {
        double[] u0 = p.initialState();
        if (steps != null) {
            return new FixedStepIntegrator<>(method, DoubleVectorOps.serial()).integrate(p.problem().linearPart(),
                    p.problem().nonlinearity(), u0, p.t0(), p.t1(), steps[rung], out);
        }
        return new AdaptiveIntegrator<>((ExponentialRungeKuttaMethod) method, DoubleVectorOps.serial(),
                controller.apply(tolerances[rung])).integrate(p.problem().linearPart(), p.problem().nonlinearity(),
                u0, p.t0(), p.t1(), out);
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Collects the parts of a study; {@link #run()} builds and runs it. */
    public static final class Builder {

        private String name;
        private String description;
        private List<BenchmarkProblem> members;
        private final List<ExponentialMethod> methods = new ArrayList<>();
        private int[] steps;
        private double[] tolerances;
        private DoubleFunction<StepSizeController> controller = tol -> StepSizeController.of(tol, tol);
        private int fitMin = 1;
        private int fitMax = Integer.MAX_VALUE;
        private double fitErrorLow = 0;
        private double fitErrorHigh = Double.POSITIVE_INFINITY;
        private int repeats = 1;

        private Builder() {
        }

        /**
         * @param problem the problem; its name and description label the result
         * @return this builder
         */
        public Builder problem(BenchmarkProblem problem) {
            Objects.requireNonNull(problem, "problem");
            this.name = problem.name();
            this.description = problem.description();
            this.members = List.of(problem);
            return this;
        }

        /**
         * A family measured by its largest error (see the class documentation).
         *
         * @param familyName the name of the family, for reports
         * @param familyDescription a one-line description
         * @param problems the members, at least one, all with the same time span
         * @return this builder
         */
        public Builder problemFamily(String familyName, String familyDescription,
                                     List<? extends BenchmarkProblem> problems) {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a problem family needs at least one member");
            }
            this.name = Objects.requireNonNull(familyName, "familyName");
            this.description = Objects.requireNonNull(familyDescription, "familyDescription");
            this.members = List.copyOf(problems);
            return this;
        }

        /**
         * @param list methods to add, in the order of the report
         * @return this builder
         */
        public Builder methods(List<? extends ExponentialMethod> list) {
            methods.addAll(list);
            return this;
        }

        /**
         * @param names registry names of methods to add ({@link MethodRegistry#byName})
         * @return this builder
         */
        public Builder methods(String... names) {
            for (String n : names) {
                methods.add(MethodRegistry.byName(n));
            }
            return this;
        }

        /**
         * @param method a method to add
         * @return this builder
         */
        public Builder method(ExponentialMethod method) {
            methods.add(Objects.requireNonNull(method, "method"));
            return this;
        }

        /**
         * A step ladder given explicitly.
         *
         * @param counts step counts, each {@code >= 1}, strictly increasing (coarse to fine)
         * @return this builder
         */
        public Builder steps(int... counts) {
            if (counts.length == 0) {
                throw new IllegalArgumentException("the step ladder is empty");
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 1 || (i > 0 && counts[i] <= counts[i - 1])) {
                    throw new IllegalArgumentException("step counts must be positive and strictly increasing: "
                            + Arrays.toString(counts));
                }
            }
            this.steps = counts.clone();
            return this;
        }

        /**
         * The doubling ladder \(n = n_{\min}, 2n_{\min}, \dots \le n_{\max}\).
         *
         * @param nMin the coarsest rung, {@code >= 1}
         * @param nMax the finest allowed, {@code >= nMin}
         * @return this builder
         */
        public Builder stepLadder(int nMin, int nMax) {
            if (nMin < 1 || nMax < nMin) {
                throw new IllegalArgumentException("need 1 <= nMin <= nMax, got " + nMin + ", " + nMax);
            }
            List<Integer> list = new ArrayList<>();
            for (long n = nMin; n <= nMax; n *= 2) {
                list.add((int) n);
            }
            return steps(list.stream().mapToInt(Integer::intValue).toArray());
        }

        /**
         * A tolerance ladder for adaptive runs of embedded pairs; each rung's controller is
         * {@code StepSizeController.of(tol, tol)} unless {@link #controller} says otherwise.
         *
         * @param values tolerances, positive, strictly decreasing (coarse to fine)
         * @return this builder
         */
        public Builder tolerances(double... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("the tolerance ladder is empty");
            }
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] > 0) || (i > 0 && values[i] >= values[i - 1])) {
                    throw new IllegalArgumentException("tolerances must be positive and strictly decreasing: "
                            + Arrays.toString(values));
                }
            }
            this.tolerances = values.clone();
            return this;
        }

        /**
         * @param factory the step-size controller for a tolerance
         * @return this builder
         */
        public Builder controller(DoubleFunction<StepSizeController> factory) {
            this.controller = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Restricts the fit to rungs with {@code min <= n <= max} (fixed ladders; the other
         * rungs are still run and reported).
         *
         * @param min smallest step count fitted
         * @param max largest step count fitted
         * @return this builder
         */
        public Builder fitSteps(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("need 1 <= min <= max, got " + min + ", " + max);
            }
            this.fitMin = min;
            this.fitMax = max;
            return this;
        }

        /**
         * Restricts the fit to rungs whose max-norm error relative to \(\|u_{\mathrm{ref}}\|_\infty\)
         * lies in {@code [low, high]} (the other rungs are still run and reported). A caller
         * that knows its problem can so cut off a pre-asymptotic coarse end (say relative errors
         * above \(10^{-3}\)) and keep a margin above the rounding floor (say below
         * \(10^{-11}\), two decades above it), which the automatic rules do not do.
         *
         * @param low smallest relative error fitted, {@code >= 0}
         * @param high largest relative error fitted, {@code > low}
         * @return this builder
         */
        public Builder fitErrorWindow(double low, double high) {
            if (!(low >= 0) || !(high > low)) {
                throw new IllegalArgumentException("need 0 <= low < high, got " + low + ", " + high);
            }
            this.fitErrorLow = low;
            this.fitErrorHigh = high;
            return this;
        }

        /**
         * @param count runs per rung for the wall time (the median is reported), {@code >= 1};
         *     the errors come from the last run (all runs are identical)
         * @return this builder
         */
        public Builder repeats(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("repeats must be >= 1, got " + count);
            }
            this.repeats = count;
            return this;
        }

        /**
         * @return the study
         * @throws IllegalStateException if the problem, the methods or the ladder are missing
         *     (or both ladders are given)
         * @throws IllegalArgumentException if a tolerance ladder meets a method without an
         *     embedded pair, or family members have different spans
         */
        public OrderStudy build() {
            return new OrderStudy(this);
        }

        /** @return {@code build().run()} */
        public OrderStudyResult run() {
            return build().run();
        }
    }
}
