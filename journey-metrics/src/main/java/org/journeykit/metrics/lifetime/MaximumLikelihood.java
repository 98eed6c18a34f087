package org.journeykit.metrics.lifetime;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over positive parameters with Hipparchus' Nelder-Mead simplex, working on the logarithms of
 * the parameters so that every point the simplex tries is admissible. The simplex is restarted from its optimum
 * until a restart no longer improves the log-likelihood (a standard guard against the simplex collapsing early).
 */
final class MaximumLikelihood {

    /** Parameters beyond these bounds mean the likelihood rises towards a boundary: no finite maximum. */
    static final double MIN_PARAMETER = 1e-6;
    /** The upper bound, see {@link #MIN_PARAMETER}. */
    static final double MAX_PARAMETER = 1e6;

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 5;

    private MaximumLikelihood() {}

    /**
     * Maximises a log-likelihood.
     *
     * @param model the model's name, for messages
     * @param logLikelihood the log-likelihood of the parameters (not their logarithms); may return
     *     {@code -infinity} or NaN where undefined
     * @param start the starting parameters, positive
     * @return the parameters at the maximum, each within the bounds
     * @throws ModelFitException if the optimiser does not converge or a parameter runs to a bound
     */
    static double[] maximise(String model, ToDoubleFunction<double[]> logLikelihood, double[] start) {
        int n = start.length;
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            double[] parameters = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(logs[i]) <= 40)) {
                    return -Double.MAX_VALUE;
                }
                parameters[i] = Math.exp(logs[i]);
            }
            double value = logLikelihood.applyAsDouble(parameters);
            return Double.isFinite(value) ? value : -Double.MAX_VALUE;
        });
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = Math.log(start[i]);
        }
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-11, 1e-11);
        double best = Double.NEGATIVE_INFINITY;
        try {
            for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
                PointValuePair optimum = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective,
                        GoalType.MAXIMIZE, new InitialGuess(point), new NelderMeadSimplex(n, 0.5));
                point = optimum.getPoint();
                double value = optimum.getValue();
                if (value <= best + 1e-10 * Math.max(1, Math.abs(best))) {
                    best = Math.max(best, value);
                    break;
                }
                best = value;
            }
        } catch (MathIllegalStateException e) {
            throw new ModelFitException(model, "the optimiser did not converge in " + MAX_EVALUATIONS
                    + " evaluations", e);
        }
        if (best == -Double.MAX_VALUE) {
            throw new ModelFitException(model, "the log-likelihood is not finite anywhere the optimiser looked",
                    null);
        }
        double[] parameters = new double[n];
        for (int i = 0; i < n; i++) {
            parameters[i] = Math.exp(point[i]);
            if (!(parameters[i] >= MIN_PARAMETER && parameters[i] <= MAX_PARAMETER)) {
                throw new ModelFitException(model, "parameter " + (i + 1) + " runs to " + parameters[i]
                        + ", outside " + MIN_PARAMETER + " to " + MAX_PARAMETER
                        + ": the likelihood has no finite maximum for these data", null);
            }
        }
        return parameters;
    }
}
