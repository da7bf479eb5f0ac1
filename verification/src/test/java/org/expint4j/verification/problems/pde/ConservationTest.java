package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.MethodRegistry;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conserved and monotone quantities along numerical trajectories. Measured values are printed,
 * and each bound says where its size comes from.
 */
class ConservationTest {

    /**
     * KS and Burgers: \(L\) and \(N\) are exactly zero at \(k = 0\), so the mean
     * \(\hat u_0\) is multiplied by \(\varphi_0(0) = 1\) and added zeros: conserved bit for bit,
     * and the imaginary parts of the \(k = 0\) and Nyquist coefficients stay exactly zero.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ks", "burgers"})
    void meanIsConservedExactly(String name) {
        FourierProblem p = (FourierProblem) PdeProblems.byName(name);
        double[] u0 = p.initialState();
        int n = p.grid().size();
        double[] worst = new double[3];
        new FixedStepIntegrator<>(MethodRegistry.byName("etdrk4"), DoubleVectorOps.serial())
                .addObserver((step, t, u, h, nfe) -> {
                    worst[0] = Math.max(worst[0], Math.abs(u[0] - u0[0]));
                    worst[1] = Math.max(worst[1], Math.abs(u[1]));
                    worst[2] = Math.max(worst[2], Math.abs(u[n + 1]));
                })
                .integrate(p.linearPart(), p.nonlinearity(), u0, 0.0, p.t1(), (int) Math.round(16 * p.t1()),
                        new double[u0.length]);
        System.out.printf("%s: mean drift %.1e, |Im u_0| %.1e, |Im u_n/2| %.1e%n", name, worst[0], worst[1], worst[2]);
        assertEquals(0.0, worst[0], 0.0, name + ": mean drift");
        assertEquals(0.0, worst[1], 0.0, name + ": Im of the mean");
        assertEquals(0.0, worst[2], 0.0, name + ": Im of the Nyquist coefficient");
    }

    /** Burgers dissipates: \(\frac{d}{dt}\int u^2 = -2\varepsilon\int u_x^2 \le 0\), step by step. */
    @Test
    void burgersEnergyDecreases() {
        ViscousBurgers p = new ViscousBurgers();
        FourierGrid grid = p.grid();
        double[] previous = {grid.integralOfSquare(p.initialState())};
        new FixedStepIntegrator<>(MethodRegistry.byName("hochost4"), DoubleVectorOps.serial())
                .addObserver((step, t, u, h, nfe) -> {
                    double e = grid.integralOfSquare(u);
                    assertTrue(e < previous[0], "int u^2 must decrease; step " + step + " t = " + t);
                    previous[0] = e;
                })
                .integrate(p.linearPart(), p.nonlinearity(), p.initialState(), 0.0, 1.0, 64, new double[130]);
    }

    /**
     * KdV mass \(\int u\) is conserved bit for bit (as the KS mean). Momentum \(\int u^2\) is
     * conserved by the PDE, but not by the un-dealiased pseudo-spectral product: its drift levels
     * off at about \(2\cdot 10^{-9}\) relative on \([0, 0.001]\) whatever the step (DP853 shows
     * the same), the aliasing of the soliton's spectrum (\(e^{-\pi k/A}\), \(10^{-7}\) at
     * \(k = 128\)). Coarser steps add the time-discretisation drift, which falls like \(h^5\).
     */
    @Test
    void kdvMassIsExactAndMomentumDriftIsTheAliasingFloor() {
        KortewegDeVries p = new KortewegDeVries(256, 25, 16, 0.001, false);
        FourierGrid grid = p.grid();
        double[] u0 = p.initialState();
        double mass = grid.integral(u0);
        double momentum = grid.integralOfSquare(u0);
        double[] drift = new double[4];
        int[] steps = {400, 800, 1600, 3200};
        for (int i = 0; i < steps.length; i++) {
            double[] u = FixedStepIntegrator.solve(p, MethodRegistry.byName("hochost4"), 0.0, u0, 0.001, steps[i]);
            assertEquals(mass, grid.integral(u), 0.0, "mass, " + steps[i] + " steps");
            drift[i] = Math.abs(grid.integralOfSquare(u) - momentum) / momentum;
        }
        System.out.printf("kdv momentum drift, 400..3200 steps: %.2e %.2e %.2e %.2e%n", drift[0], drift[1], drift[2],
                drift[3]);
        assertTrue(drift[0] / drift[1] > 16, "time-discretisation drift falls like h^5: " + drift[0] + " -> " + drift[1]);
        assertTrue(drift[3] < 5e-9, "aliasing floor " + drift[3]);
    }

    /**
     * With the 2/3 rule the semi-discretisation is a Fourier–Galerkin method and conserves
     * \(\int u^2\) exactly; what remains is the integrator's \(O(h^5)\) drift and rounding. At
     * 12800 steps (\(h = 7.8\cdot 10^{-8}\)) the measured drift is \(2\cdot 10^{-13}\): the
     * rounding of \(10^4\) steps, each about \(\epsilon\). Mass stays exact.
     */
    @Test
    void dealiasedKdvConservesMomentumToRoundingLevel() {
        KortewegDeVries p = new KortewegDeVries(256, 25, 16, 0.001, true);
        FourierGrid grid = p.grid();
        double[] u0 = p.initialState();
        double[] u = FixedStepIntegrator.solve(p, MethodRegistry.byName("hochost4"), 0.0, u0, 0.001, 12800);
        double massDrift = Math.abs(grid.integral(u) - grid.integral(u0));
        double drift = Math.abs(grid.integralOfSquare(u) - grid.integralOfSquare(u0)) / grid.integralOfSquare(u0);
        System.out.printf("dealiased kdv, 12800 steps: mass drift %.1e, momentum drift %.2e%n", massDrift, drift);
        assertEquals(0.0, massDrift, 0.0, "mass");
        assertTrue(drift < 1e-12, "momentum drift " + drift);
    }

    /**
     * Allen–Cahn is a gradient flow of the free energy
     * \(E = \int \frac{\varepsilon}{2}u_x^2 + \frac14(u^2-1)^2\), so \(E\) must decrease along an
     * accurate trajectory; checked at every step of an etdrk4 run, \(h = 1/16\).
     */
    @Test
    void allenCahnFreeEnergyDecreases() {
        AllenCahnFourier p = new AllenCahnFourier();
        double[] previous = {p.freeEnergy(p.initialState())};
        double initial = previous[0];
        new FixedStepIntegrator<>(MethodRegistry.byName("etdrk4"), DoubleVectorOps.serial())
                .addObserver((step, t, u, h, nfe) -> {
                    double e = p.freeEnergy(u);
                    assertTrue(e <= previous[0], "free energy must not increase; step " + step + " t = " + t);
                    previous[0] = e;
                })
                .integrate(p.linearPart(), p.nonlinearity(), p.initialState(), 0.0, p.t1(), 160, new double[258]);
        System.out.printf("allen-cahn free energy %.6f -> %.6f%n", initial, previous[0]);
        assertTrue(previous[0] < 0.5 * initial, "the interfaces form and the energy drops");
    }
}
