/**
 * Exponential integrators as data: tableaux whose entries are exact rational combinations of
 * φ-functions ({@link org.expint4j.method.PhiCombination}), one small class per method or
 * family, the {@link org.expint4j.method.MethodRegistry} catalogue, and
 * {@link org.expint4j.method.OrderConditions}, which checks a tableau against the stiff order
 * conditions of Hochbruck and Ostermann (strong, weakened and classical-limit forms).
 *
 * <p>For \(u' = Lu + N(t, u)\) with \(Z = hL\), an explicit exponential Runge–Kutta method reads
 * \[ U_i = e^{c_i Z} u_n + h \sum_{j \lt i} a_{ij}(Z) N(t_n + c_j h, U_j), \qquad
 *    u_{n+1} = e^{Z} u_n + h \sum_i b_i(Z) N(t_n + c_i h, U_i). \]
 * The <em>classical order</em> holds for fixed \(L\) as \(h \to 0\); the <em>stiff order</em>
 * holds uniformly in the stiffness of \(L\) (analytic semigroups, e.g. parabolic PDEs). Every
 * stiff order below is the one {@code OrderConditions} measures for the tableau, and agrees
 * with the literature.
 *
 * <table class="striped">
 * <caption>The catalogue</caption>
 * <thead>
 * <tr><th>name</th><th>class</th><th>stages</th><th>classical order</th><th>stiff order</th>
 *     <th>embedded order</th><th>reference</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>{@code etd1}</td><td>{@link org.expint4j.method.ExponentialEuler}</td><td>1</td>
 *     <td>1</td><td>1</td><td>–</td><td>Nørsett 1969; Hochbruck–Ostermann 2010</td></tr>
 * <tr><td>{@code hochost2}</td><td>{@link org.expint4j.method.HochbruckOstermann2}
 *     (\(c_2 = 1/2\))</td><td>2</td><td>2</td><td>2</td><td>1</td>
 *     <td>Hochbruck–Ostermann 2005</td></tr>
 * <tr><td>{@code etd2rk}</td><td>{@link org.expint4j.method.HochbruckOstermann2}
 *     (\(c_2 = 1\))</td><td>2</td><td>2</td><td>2</td><td>1</td>
 *     <td>Cox–Matthews 2002</td></tr>
 * <tr><td>{@code etdrk3}</td><td>{@link org.expint4j.method.CoxMatthewsEtdrk3}</td><td>3</td>
 *     <td>3</td><td>2</td><td>–</td><td>Cox–Matthews 2002</td></tr>
 * <tr><td>{@code hochost3}</td><td>{@link org.expint4j.method.HochbruckOstermann3}
 *     (\(c_2 = 1/3\))</td><td>3</td><td>3</td><td>3</td><td>2</td>
 *     <td>Hochbruck–Ostermann 2005</td></tr>
 * <tr><td>{@code etdrk4}</td><td>{@link org.expint4j.method.CoxMatthewsEtdrk4}</td><td>4</td>
 *     <td>4</td><td>2</td><td>–</td><td>Cox–Matthews 2002</td></tr>
 * <tr><td>{@code krogstad}</td><td>{@link org.expint4j.method.Krogstad}</td><td>4</td><td>4</td>
 *     <td>3</td><td>–</td><td>Krogstad 2005</td></tr>
 * <tr><td>{@code strehmel-weiner}</td><td>{@link org.expint4j.method.StrehmelWeiner}</td>
 *     <td>4</td><td>4</td><td>3</td><td>–</td><td>Strehmel–Weiner 1992</td></tr>
 * <tr><td>{@code hochost4}</td><td>{@link org.expint4j.method.HochbruckOstermann4}</td>
 *     <td>5</td><td>4</td><td>4</td><td>–</td><td>Hochbruck–Ostermann 2005</td></tr>
 * <tr><td>{@code lawson-euler}</td><td>{@link org.expint4j.method.LawsonMethod}</td><td>1</td>
 *     <td>1</td><td>1*</td><td>–</td><td>Lawson 1967</td></tr>
 * <tr><td>{@code lawson4}</td><td>{@link org.expint4j.method.LawsonMethod}</td><td>4</td>
 *     <td>4</td><td>1*</td><td>–</td><td>Lawson 1967</td></tr>
 * <tr><td>{@code abnorsett2}</td><td>{@link org.expint4j.method.ExponentialAdams}</td><td>1</td>
 *     <td>2</td><td>2</td><td>–</td><td>Nørsett 1969; Calvo–Palencia 2006</td></tr>
 * <tr><td>{@code abnorsett3}</td><td>{@link org.expint4j.method.ExponentialAdams}</td><td>1</td>
 *     <td>3</td><td>3</td><td>–</td><td>Nørsett 1969; Calvo–Palencia 2006</td></tr>
 * <tr><td>{@code abnorsett4}</td><td>{@link org.expint4j.method.ExponentialAdams}</td><td>1</td>
 *     <td>4</td><td>4</td><td>–</td><td>Nørsett 1969; Calvo–Palencia 2006</td></tr>
 * <tr><td>{@code abnorsett5}</td><td>{@link org.expint4j.method.ExponentialAdams}</td><td>1</td>
 *     <td>5</td><td>5</td><td>–</td><td>Nørsett 1969; Calvo–Palencia 2006</td></tr>
 * </tbody>
 * </table>
 *
 * <p>* Lawson (integrating-factor) methods have no stiff order beyond 1: \(\sum_i b_i(Z) \ne
 * \varphi_1(Z)\), so they are not exact for constant forcing, and their convergence on stiff
 * problems depends on the regularity of \(N\) (about first order on the Hochbruck–Ostermann
 * test problem). Only the weakened first condition \(\psi_1(0) = 0\) holds.
 *
 * <p>The exponential Adams methods {@code abnorsett}<i>q</i> evaluate \(N\) once per step and
 * start with single-step methods of matching order ({@link org.expint4j.method.ExponentialAdams}
 * also offers the lower-order warm-up of DPM-Solver++).
 *
 * <p>References: S. P. Nørsett, Lecture Notes in Math. 109 (1969) 214–219; J. D. Lawson, SIAM
 * J. Numer. Anal. 4 (1967) 372–380; K. Strehmel, R. Weiner, Linear-implizite
 * Runge–Kutta-Methoden und ihre Anwendung, Teubner (1992); S. M. Cox, P. C. Matthews, J. Comput.
 * Phys. 176 (2002) 430–455; S. Krogstad, J. Comput. Phys. 203 (2005) 72–88; M. Hochbruck,
 * A. Ostermann, SIAM J. Numer. Anal. 43(3) (2005) 1069–1090 and Acta Numerica 19 (2010) 209–286.
 */
package org.expint4j.method;
