package org.expint4j.verification.problems.pde;

/** Error measures of the PDE tests. */
final class Norms {

    private Norms() {
    }

    /** @return \(\max_j |u_j - r_j| / \max_j |r_j|\), the measure of the reference notes' KS table */
    static double relativeMaxError(double[] u, double[] reference) {
        double error = 0;
        double scale = 0;
        for (int j = 0; j < u.length; j++) {
            error = Math.max(error, Math.abs(u[j] - reference[j]));
            scale = Math.max(scale, Math.abs(reference[j]));
        }
        return error / scale;
    }

    /** @return the base-2 slopes \(\log_2(e_i/e_{i+1})\) of errors at halved step sizes */
    static double[] slopes(double[] errors) {
        double[] s = new double[errors.length - 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.log(errors[i] / errors[i + 1]) / Math.log(2);
        }
        return s;
    }
}
