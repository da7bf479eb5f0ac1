package org.expint4j.verification.problems;

import java.util.Objects;
import org.expint4j.problem.SemilinearProblem;

/**
 * Base class of the problems whose solution \(u(t)\) is known in closed form: the initial state
 * is \(u(t_0)\) and the reference is \(u(t_1)\), so an error table measures the integrator alone,
 * with no reference solver in between.
 */
public abstract class AnalyticProblem implements BenchmarkProblem {

    private final String name;
    private final String description;
    private final double t0;
    private final double t1;

    /**
     * @param name the registry name, lower case
     * @param description a one-line description with the parameters
     * @param t0 the initial time, finite
     * @param t1 the final time, finite and greater than {@code t0}
     * @throws IllegalArgumentException if the span is empty, reversed or not finite
     */
    protected AnalyticProblem(String name, String description, double t0, double t1) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        if (!Double.isFinite(t0) || !Double.isFinite(t1) || !(t1 > t0)) {
            throw new IllegalArgumentException("need finite t0 < t1, got t0 = " + t0 + ", t1 = " + t1);
        }
        this.t0 = t0;
        this.t1 = t1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public double t0() {
        return t0;
    }

    @Override
    public double t1() {
        return t1;
    }

    /** @return \(u(t_0)\) from the closed form */
    @Override
    public double[] initialState() {
        return exactSolution(t0);
    }

    /** @return {@code true} */
    @Override
    public boolean hasExactSolution() {
        return true;
    }

    /** @return \(u(t_1)\) from the closed form */
    @Override
    public double[] referenceSolution() {
        return exactSolution(t1);
    }

    @Override
    public String referenceDescription() {
        return "exact solution (closed form)";
    }

    /**
     * The exact solution, in the coordinates of {@link #problem()}.
     *
     * @param t a time
     * @return a fresh array with \(u(t)\)
     */
    @Override
    public abstract double[] exactSolution(double t);

    @Override
    public abstract SemilinearProblem problem();

    /** @return the name and description */
    @Override
    public String toString() {
        return name + ": " + description;
    }

    /** Shortest round-trip text of a parameter, for descriptions. */
    static String fmt(double x) {
        return Double.toString(x).replace(".0E", "E").replaceAll("\\.0$", "");
    }
}
