package org.expint4j.diffusion.schedule;

/**
 * Maps the continuous time \(t \in (0, T]\) of the sampler to the time label a model was trained
 * with, and back.
 */
public interface ModelTimeMap {

    /**
     * @param t continuous time
     * @return the model's time input
     */
    double toModelTime(double t);

    /**
     * @param modelTime the model's time input
     * @return continuous time
     */
    double fromModelTime(double modelTime);

    /** The identity: continuous-time models. */
    ModelTimeMap CONTINUOUS = new ModelTimeMap() {
        @Override
        public double toModelTime(double t) {
            return t;
        }

        @Override
        public double fromModelTime(double modelTime) {
            return modelTime;
        }

        @Override
        public String toString() {
            return "continuous";
        }
    };

    /**
     * The reference's map for discrete-time models, \( 1000\,(t - 1/N) \) (the paper's Type-1 map
     * without its clamp at 0, so \(t &lt; 1/N\) gives a negative label, as in the reference).
     *
     * @param n the schedule length \(N'\) after clipping
     * @return the map
     */
    static ModelTimeMap discreteReference(int n) {
        return new ModelTimeMap() {
            @Override
            public double toModelTime(double t) {
                return (t - 1.0 / n) * 1000.0;
            }

            @Override
            public double fromModelTime(double modelTime) {
                return modelTime / 1000.0 + 1.0 / n;
            }

            @Override
            public String toString() {
                return "discrete-reference(N=" + n + ")";
            }
        };
    }

    /**
     * The paper's Type-2 map for discrete-time models, \( 1000\,\frac{N-1}{N}\, t \).
     *
     * @param n the schedule length
     * @return the map
     */
    static ModelTimeMap discreteType2(int n) {
        double scale = 1000.0 * (n - 1) / n;
        return new ModelTimeMap() {
            @Override
            public double toModelTime(double t) {
                return scale * t;
            }

            @Override
            public double fromModelTime(double modelTime) {
                return modelTime / scale;
            }

            @Override
            public String toString() {
                return "discrete-type2(N=" + n + ")";
            }
        };
    }
}
