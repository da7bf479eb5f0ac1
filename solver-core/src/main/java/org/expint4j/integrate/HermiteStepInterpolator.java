package org.expint4j.integrate;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import org.apache.commons.math3.ode.EquationsMapper;
import org.apache.commons.math3.ode.sampling.AbstractStepInterpolator;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * Dense output for {@link ExponentialFirstOrderIntegrator}: the cubic Hermite polynomial through
 * \((t_n, y_n, f_n)\) and \((t_{n+1}, y_{n+1}, f_{n+1})\), \(f = Ly + N(t, y)\). Third-order
 * accurate for smooth solutions, exact at both ends, which is what Commons Math step handlers and
 * event location need. With \(\theta = (t - t_n)/h\):
 * \[ y(\theta) = (2\theta^3 - 3\theta^2 + 1) y_n + (\theta^3 - 2\theta^2 + \theta) h f_n
 *    + (3\theta^2 - 2\theta^3) y_{n+1} + (\theta^3 - \theta^2) h f_{n+1}. \]
 */
public class HermiteStepInterpolator extends AbstractStepInterpolator {

    private static final long serialVersionUID = 1L;

    /** State at the start of the step. */
    private double[] startState;
    /** Derivative at the start of the step. */
    private double[] startDerivative;
    /** Derivative at the end of the step. */
    private double[] endDerivative;

    /** Constructor for deserialisation only (Externalizable needs a public no-argument one). */
    public HermiteStepInterpolator() {
        super();
    }

    HermiteStepInterpolator(double[] y, boolean forward, EquationsMapper primary, EquationsMapper[] secondary) {
        super(y, forward, primary, secondary);
        startState = new double[y.length];
        startDerivative = new double[y.length];
        endDerivative = new double[y.length];
    }

    private HermiteStepInterpolator(HermiteStepInterpolator other) {
        super(other);
        startState = other.startState == null ? null : other.startState.clone();
        startDerivative = other.startDerivative == null ? null : other.startDerivative.clone();
        endDerivative = other.endDerivative == null ? null : other.endDerivative.clone();
    }

    /** Records the start of the step (copied). */
    void setStart(double[] y, double[] f) {
        System.arraycopy(y, 0, startState, 0, y.length);
        System.arraycopy(f, 0, startDerivative, 0, f.length);
    }

    /** Records the derivative at the end of the step (copied); the end state is the live array. */
    void setEnd(double[] f) {
        System.arraycopy(f, 0, endDerivative, 0, f.length);
    }

    @Override
    protected StepInterpolator doCopy() {
        return new HermiteStepInterpolator(this);
    }

    @Override
    protected void computeInterpolatedStateAndDerivatives(double theta, double oneMinusThetaH) {
        double theta2 = theta * theta;
        double theta3 = theta2 * theta;
        double h00 = 2 * theta3 - 3 * theta2 + 1;
        double h10 = theta3 - 2 * theta2 + theta;
        double h01 = 3 * theta2 - 2 * theta3;
        double h11 = theta3 - theta2;
        double d00 = 6 * theta2 - 6 * theta;
        double d10 = 3 * theta2 - 4 * theta + 1;
        double d11 = 3 * theta2 - 2 * theta;
        for (int i = 0; i < currentState.length; i++) {
            double y0 = startState[i];
            double y1 = currentState[i];
            double f0 = startDerivative[i];
            double f1 = endDerivative[i];
            interpolatedState[i] = h00 * y0 + h10 * h * f0 + h01 * y1 + h11 * h * f1;
            // d/dt = (1/h) d/dθ; the y-terms share d00 with opposite signs.
            interpolatedDerivatives[i] = d00 * (y0 - y1) / h + d10 * f0 + d11 * f1;
        }
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        writeBaseExternal(out);
        writeArray(out, startState);
        writeArray(out, startDerivative);
        writeArray(out, endDerivative);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
        double t = readBaseExternal(in);
        startState = readArray(in);
        startDerivative = readArray(in);
        endDerivative = readArray(in);
        setInterpolatedTime(t);
    }

    private static void writeArray(ObjectOutput out, double[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) {
            for (double v : a) {
                out.writeDouble(v);
            }
        }
    }

    private static double[] readArray(ObjectInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
