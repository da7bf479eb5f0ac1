package org.expint4j.verification.problems.pde;

/**
 * Colour maps for the space-time pictures, piecewise linear in RGB between anchor colours:
 * a diverging blue–grey–red map (after Moreland's "cool to warm", for data of both signs, centred
 * on zero so that sign changes show as grey) and a sequential map with the anchors of viridis
 * (for one-signed data: dark is low, yellow is high; readable in grey scale too).
 */
enum ColorMap {

    /** Blue for negative, light grey at zero, red for positive. */
    DIVERGING(new int[][] {{59, 76, 192}, {141, 176, 254}, {221, 221, 221}, {244, 154, 123}, {180, 4, 38}}),

    /** Dark violet to yellow. */
    SEQUENTIAL(new int[][] {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}});

    private final int[][] anchors;

    ColorMap(int[][] anchors) {
        this.anchors = anchors;
    }

    /**
     * @param s position in \([0, 1]\), clamped
     * @return the colour as 0xRRGGBB
     */
    int rgb(double s) {
        double clamped = Double.isNaN(s) ? 0.5 : Math.max(0.0, Math.min(1.0, s));
        double scaled = clamped * (anchors.length - 1);
        int i = Math.min((int) scaled, anchors.length - 2);
        double f = scaled - i;
        int r = (int) Math.round(anchors[i][0] + f * (anchors[i + 1][0] - anchors[i][0]));
        int g = (int) Math.round(anchors[i][1] + f * (anchors[i + 1][1] - anchors[i][1]));
        int b = (int) Math.round(anchors[i][2] + f * (anchors[i + 1][2] - anchors[i][2]));
        return (r << 16) | (g << 8) | b;
    }
}
