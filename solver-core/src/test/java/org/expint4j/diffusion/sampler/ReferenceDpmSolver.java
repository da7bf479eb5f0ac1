package org.expint4j.diffusion.sampler;

import java.util.ArrayList;
import java.util.List;
import org.expint4j.diffusion.model.X0Correction;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * A test oracle: the reference sampler's update formulas (reference §1.6) and control flow
 * (§1.5, §1.8) written directly in \(x\)-space with expm1 and the recurrence, exactly as the
 * paper's code states them, on {@code double[]} batches. It shares nothing with the framework
 * but the schedule and the grids, so agreement with {@link DpmSolver} to 1e-9 shows that the
 * λ-time exponential integrator is the reference algorithm.
 */
final class ReferenceDpmSolver {

    interface Model {
        void noise(double[] x, double t, double[] out);
    }

    private final Model model;
    private final NoiseSchedule ns;
    private final boolean dataPrediction;
    private final X0Correction<double[]> correction;
    int nfe;

    ReferenceDpmSolver(Model model, NoiseSchedule ns, boolean dataPrediction, X0Correction<double[]> correction) {
        this.model = model;
        this.ns = ns;
        this.dataPrediction = dataPrediction;
        this.correction = correction;
    }

    double[] modelFn(double[] x, double t) {
        if (!dataPrediction) {
            nfe++;
            double[] eps = new double[x.length];
            model.noise(x, t, eps);
            return eps;
        }
        return dataPredictionAt(x, t);
    }

    /** x_t = c0 x + sum_j c_j m_j element-wise. */
    static double[] comb(double c0, double[] x, double[] coefficients, double[]... m) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = c0 * x[i];
            for (int j = 0; j < m.length; j++) {
                v += coefficients[j] * m[j][i];
            }
            out[i] = v;
        }
        return out;
    }

    static double[] diff(double[] a, double[] b, double scale) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] - b[i]) * scale;
        }
        return out;
    }

    double[] firstUpdate(double[] x, double s, double t, double[] ms) {
        double h = ns.lambda(t) - ns.lambda(s);
        if (dataPrediction) {
            double phi1 = Math.expm1(-h);
            return comb(ns.sigma(t) / ns.sigma(s), x, new double[] {-ns.alpha(t) * phi1}, ms);
        }
        double phi1 = Math.expm1(h);
        return comb(Math.exp(ns.logAlpha(t) - ns.logAlpha(s)), x, new double[] {-ns.sigma(t) * phi1}, ms);
    }

    /** Returns {x_t, model_s1}. */
    double[][] secondUpdate(double[] x, double s, double t, double r1, double[] ms, boolean taylor) {
        double ls = ns.lambda(s);
        double lt = ns.lambda(t);
        double h = lt - ls;
        double s1 = ns.inverseLambda(ls + r1 * h);
        double[] u;
        if (dataPrediction) {
            u = comb(ns.sigma(s1) / ns.sigma(s), x, new double[] {-ns.alpha(s1) * Math.expm1(-r1 * h)}, ms);
        } else {
            u = comb(Math.exp(ns.logAlpha(s1) - ns.logAlpha(s)), x, new double[] {-ns.sigma(s1) * Math.expm1(r1 * h)}, ms);
        }
        double[] m1 = modelFn(u, s1);
        double[] d = diff(m1, ms, 1);
        double[] xt;
        if (dataPrediction) {
            double phi1 = Math.expm1(-h);
            double phi2 = phi1 / h + 1;
            double at = ns.alpha(t);
            double c = taylor ? at * phi2 / r1 : -0.5 / r1 * at * phi1;
            xt = comb(ns.sigma(t) / ns.sigma(s), x, new double[] {-at * phi1, c}, ms, d);
        } else {
            double phi1 = Math.expm1(h);
            double phi2 = phi1 / h - 1;
            double st = ns.sigma(t);
            double c = taylor ? -st * phi2 / r1 : -0.5 / r1 * st * phi1;
            xt = comb(Math.exp(ns.logAlpha(t) - ns.logAlpha(s)), x, new double[] {-st * phi1, c}, ms, d);
        }
        return new double[][] {xt, m1};
    }

    double[] thirdUpdate(double[] x, double s, double t, double r1, double r2, double[] ms, double[] m1Given,
                         boolean taylor) {
        double ls = ns.lambda(s);
        double lt = ns.lambda(t);
        double h = lt - ls;
        double s1 = ns.inverseLambda(ls + r1 * h);
        double s2 = ns.inverseLambda(ls + r2 * h);
        double[] m1 = m1Given;
        double[] u2;
        if (dataPrediction) {
            double phi11 = Math.expm1(-r1 * h);
            double phi12 = Math.expm1(-r2 * h);
            double phi22 = Math.expm1(-r2 * h) / (r2 * h) + 1;
            if (m1 == null) {
                double[] u1 = comb(ns.sigma(s1) / ns.sigma(s), x, new double[] {-ns.alpha(s1) * phi11}, ms);
                m1 = modelFn(u1, s1);
            }
            u2 = comb(ns.sigma(s2) / ns.sigma(s), x, new double[] {-ns.alpha(s2) * phi12,
                    r2 / r1 * ns.alpha(s2) * phi22}, ms, diff(m1, ms, 1));
        } else {
            double phi11 = Math.expm1(r1 * h);
            double phi12 = Math.expm1(r2 * h);
            double phi22 = Math.expm1(r2 * h) / (r2 * h) - 1;
            if (m1 == null) {
                double[] u1 = comb(Math.exp(ns.logAlpha(s1) - ns.logAlpha(s)), x, new double[] {-ns.sigma(s1) * phi11}, ms);
                m1 = modelFn(u1, s1);
            }
            u2 = comb(Math.exp(ns.logAlpha(s2) - ns.logAlpha(s)), x, new double[] {-ns.sigma(s2) * phi12,
                    -r2 / r1 * ns.sigma(s2) * phi22}, ms, diff(m1, ms, 1));
        }
        double[] m2 = modelFn(u2, s2);
        double[] d10 = diff(m1, ms, 1 / r1);
        double[] d11 = diff(m2, ms, 1 / r2);
        double[] d1 = new double[x.length];
        double[] d2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d1[i] = (r2 * d10[i] - r1 * d11[i]) / (r2 - r1);
            d2[i] = 2 * (d11[i] - d10[i]) / (r2 - r1);
        }
        if (dataPrediction) {
            double phi1 = Math.expm1(-h);
            double phi2 = phi1 / h + 1;
            double phi3 = phi2 / h - 0.5;
            double at = ns.alpha(t);
            double b = ns.sigma(t) / ns.sigma(s);
            return taylor
                    ? comb(b, x, new double[] {-at * phi1, at * phi2, -at * phi3}, ms, d1, d2)
                    : comb(b, x, new double[] {-at * phi1, 1 / r2 * at * phi2}, ms, diff(m2, ms, 1));
        }
        double phi1 = Math.expm1(h);
        double phi2 = phi1 / h - 1;
        double phi3 = phi2 / h - 0.5;
        double st = ns.sigma(t);
        double a = Math.exp(ns.logAlpha(t) - ns.logAlpha(s));
        return taylor
                ? comb(a, x, new double[] {-st * phi1, -st * phi2, -st * phi3}, ms, d1, d2)
                : comb(a, x, new double[] {-st * phi1, -1 / r2 * st * phi2}, ms, diff(m2, ms, 1));
    }

    double[] multistepUpdate(double[] x, List<double[]> models, List<Double> times, double t, int order,
                             boolean taylor) {
        int n = models.size();
        double[] m0 = models.get(n - 1);
        double t0 = times.get(n - 1);
        double lt = ns.lambda(t);
        double l0 = ns.lambda(t0);
        double h = lt - l0;
        if (order == 1) {
            return firstUpdate(x, t0, t, m0);
        }
        double[] m1 = models.get(n - 2);
        double l1 = ns.lambda(times.get(n - 2));
        double r0 = (l0 - l1) / h;
        double[] d10 = diff(m0, m1, 1 / r0);
        boolean data = dataPrediction;
        double phi1 = data ? Math.expm1(-h) : Math.expm1(h);
        double phi2 = data ? phi1 / h + 1 : phi1 / h - 1;
        double phi3 = phi2 / h - 0.5;
        double c0 = data ? ns.sigma(t) / ns.sigma(t0) : Math.exp(ns.logAlpha(t) - ns.logAlpha(t0));
        double w = data ? ns.alpha(t) : ns.sigma(t);
        if (order == 2) {
            if (data) {
                return taylor ? comb(c0, x, new double[] {-w * phi1, w * phi2}, m0, d10)
                        : comb(c0, x, new double[] {-w * phi1, -0.5 * w * phi1}, m0, d10);
            }
            return taylor ? comb(c0, x, new double[] {-w * phi1, -w * phi2}, m0, d10)
                    : comb(c0, x, new double[] {-w * phi1, -0.5 * w * phi1}, m0, d10);
        }
        double[] m2 = models.get(n - 3);
        double l2 = ns.lambda(times.get(n - 3));
        double r1 = (l1 - l2) / h;
        double[] d11 = diff(m1, m2, 1 / r1);
        double[] d1 = new double[x.length];
        double[] d2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d1[i] = d10[i] + r0 / (r0 + r1) * (d10[i] - d11[i]);
            d2[i] = (d10[i] - d11[i]) / (r0 + r1);
        }
        return data ? comb(c0, x, new double[] {-w * phi1, w * phi2, -w * phi3}, m0, d1, d2)
                : comb(c0, x, new double[] {-w * phi1, -w * phi2, -w * phi3}, m0, d1, d2);
    }

    double[] singlestepUpdate(double[] x, double s, double t, int order, boolean taylor, double r1, double r2) {
        double[] ms = modelFn(x, s);
        return switch (order) {
            case 1 -> firstUpdate(x, s, t, ms);
            case 2 -> secondUpdate(x, s, t, Double.isNaN(r1) ? 0.5 : r1, ms, taylor)[0];
            default -> thirdUpdate(x, s, t, Double.isNaN(r1) ? 1.0 / 3 : r1, Double.isNaN(r2) ? 2.0 / 3 : r2, ms, null,
                    taylor);
        };
    }

    /** The reference sample() for the fixed-step methods. */
    double[] sample(double[] xT, int steps, double tStart, double tEnd, int order, SkipType skip,
                    SamplingMethod method, boolean lowerOrderFinal, boolean denoiseToZero, boolean taylor) {
        double[] x = xT.clone();
        if (method == SamplingMethod.MULTISTEP) {
            double[] ts = SamplingGrids.timeSteps(ns, skip, tStart, tEnd, steps);
            List<double[]> models = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            times.add(ts[0]);
            models.add(modelFn(x, ts[0]));
            for (int step = 1; step < order; step++) {
                x = multistepUpdate(x, models, times, ts[step], step, taylor);
                times.add(ts[step]);
                models.add(modelFn(x, ts[step]));
            }
            for (int step = order; step <= steps; step++) {
                int stepOrder = lowerOrderFinal && steps < 10 ? Math.min(order, steps + 1 - step) : order;
                x = multistepUpdate(x, models, times, ts[step], stepOrder, taylor);
                times.add(ts[step]);
                if (step < steps) {
                    models.add(modelFn(x, ts[step]));
                }
            }
        } else {
            int[] orders;
            double[] outer;
            if (method == SamplingMethod.SINGLESTEP) {
                orders = SamplingGrids.singlestepOrders(steps, order);
                outer = SamplingGrids.singlestepOuterGrid(ns, skip, tStart, tEnd, steps, orders);
            } else {
                int k = steps / order;
                orders = new int[k];
                java.util.Arrays.fill(orders, order);
                outer = SamplingGrids.timeSteps(ns, skip, tStart, tEnd, k);
            }
            for (int step = 0; step < orders.length; step++) {
                double s = outer[step];
                double t = outer[step + 1];
                int o = orders[step];
                double[] inner = SamplingGrids.timeSteps(ns, skip, s, t, o);
                double l0 = ns.lambda(inner[0]);
                double h = ns.lambda(inner[o]) - l0;
                double r1 = o <= 1 ? Double.NaN : (ns.lambda(inner[1]) - l0) / h;
                double r2 = o <= 2 ? Double.NaN : (ns.lambda(inner[2]) - l0) / h;
                x = singlestepUpdate(x, s, t, o, taylor, r1, r2);
            }
        }
        if (denoiseToZero) {
            x = dataPredictionAt(x, tEnd);
        }
        return x;
    }

    /** One data prediction (with the x0 correction); also denoise_to_zero_fn. */
    double[] dataPredictionAt(double[] x, double t) {
        nfe++;
        double[] eps = new double[x.length];
        model.noise(x, t, eps);
        double a = ns.alpha(t);
        double s = ns.sigma(t);
        double[] x0 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x0[i] = (x[i] - s * eps[i]) / a;
        }
        if (correction != null) {
            correction.correct(x0, t);
        }
        return x0;
    }
}
