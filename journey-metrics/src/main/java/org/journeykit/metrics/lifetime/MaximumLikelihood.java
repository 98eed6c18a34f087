package org.journeykit.metrics.lifetime;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.gradient.Preconditioner;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over positive parameters, working on the logarithms of the parameters so that every point an
 * optimiser tries is admissible. Without derivatives: Hipparchus' Nelder-Mead simplex, restarted from its optimum
 * until a restart no longer improves the log-likelihood (a standard guard against the simplex collapsing early).
 * With an analytic gradient and Hessian: Hipparchus' Polak-Ribiere conjugate-gradient optimiser preconditioned by
 * the Newton direction, so that it takes Newton steps with a line search and converges in a few iterations.
 */
final class MaximumLikelihood {

    /** Parameters beyond these bounds mean the likelihood rises towards a boundary: no finite maximum. */
    static final double MIN_PARAMETER = 1e-6;
    /** The upper bound, see {@link #MIN_PARAMETER}. */
    static final double MAX_PARAMETER = 1e6;

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 5;

    /** Evaluations of the log-likelihood the gradient optimiser may spend, line searches included. */
    private static final int MAX_GRADIENT_EVALUATIONS = 2_000;
    private static final int MAX_GRADIENT_ITERATIONS = 200;

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
        return checked(model, point);
    }

    /**
     * Maximises a log-likelihood of positive parameters whose derivatives with respect to the logarithms of the
     * parameters are known.
     *
     * <p>The optimiser is Hipparchus' {@link NonLinearConjugateGradientOptimizer} (Polak-Ribiere), preconditioned
     * by the inverse of the negative Hessian: its search directions are Newton directions (conjugated against the
     * previous one), each followed by Hipparchus' Brent line search on the log-likelihood itself, so a step never
     * lowers it. Where the negative Hessian is not positive definite (far from the maximum, on a ridge) each of its
     * eigenvalues is replaced by its absolute value (Hipparchus' symmetric eigen decomposition; eigenvalues below
     * 1e-10 of the largest are raised to that), which keeps the direction uphill with Newton's scaling. It stops
     * when an iteration raises the log-likelihood by less than 1e-13 of its magnitude.
     *
     * @param model the model's name, for messages
     * @param logLikelihood the log-likelihood of the parameters (not their logarithms); may return
     *     {@code -infinity} or NaN where undefined
     * @param derivatives the log-likelihood (index 0), its gradient (1 to n) and the upper triangle of its Hessian
     *     row by row (n + 1 on) with respect to the logarithms of the parameters, at the parameters (not their
     *     logarithms)
     * @param start the starting parameters, positive, where the log-likelihood is finite
     * @return the parameters at the maximum, each within the bounds
     * @throws ModelFitException if the optimiser does not converge or a parameter runs to a bound
     */
    static double[] maximise(String model, ToDoubleFunction<double[]> logLikelihood,
            Function<double[], double[]> derivatives, double[] start) {
        int n = start.length;
        Newton newton = new Newton(n, derivatives);
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            double[] parameters = parameters(logs);
            if (parameters.length == 0) {
                return -Double.MAX_VALUE;
            }
            double value = logLikelihood.applyAsDouble(parameters);
            return Double.isFinite(value) ? value : -Double.MAX_VALUE;
        });
        ObjectiveFunctionGradient gradient = new ObjectiveFunctionGradient(newton::gradient);
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-13, 1e-300),
                1e-6, 1e-12, 1, newton);
        double[] point = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = Math.log(start[i]);
        }
        PointValuePair optimum;
        try {
            optimum = optimizer.optimize(new MaxEval(MAX_GRADIENT_EVALUATIONS), new MaxIter(MAX_GRADIENT_ITERATIONS),
                    objective, gradient, GoalType.MAXIMIZE, new InitialGuess(point));
        } catch (MathIllegalStateException e) {
            throw new ModelFitException(model, "the optimiser did not converge in " + MAX_GRADIENT_EVALUATIONS
                    + " evaluations and " + MAX_GRADIENT_ITERATIONS + " iterations", e);
        }
        if (optimum.getValue() == -Double.MAX_VALUE) {
            throw new ModelFitException(model, "the log-likelihood is not finite anywhere the optimiser looked",
                    null);
        }
        return checked(model, optimum.getPoint());
    }

    /** exp of each logarithm, or an empty array when one lies beyond +/- 40 (outside every admissible bound). */
    private static double[] parameters(double[] logs) {
        double[] parameters = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            if (!(Math.abs(logs[i]) <= 40)) {
                return new double[0];
            }
            parameters[i] = Math.exp(logs[i]);
        }
        return parameters;
    }

    /** The parameters of the logarithms, or ModelFitException when one lies outside the bounds. */
    private static double[] checked(String model, double[] logs) {
        double[] parameters = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            parameters[i] = Math.exp(logs[i]);
            if (!(parameters[i] >= MIN_PARAMETER && parameters[i] <= MAX_PARAMETER)) {
                throw new ModelFitException(model, "parameter " + (i + 1) + " runs to " + parameters[i]
                        + ", outside " + MIN_PARAMETER + " to " + MAX_PARAMETER
                        + ": the likelihood has no finite maximum for these data", null);
            }
        }
        return parameters;
    }

    /**
     * The gradient and the Newton preconditioner over one cache of the derivatives: the optimiser asks for the
     * gradient at a point and then for the preconditioned direction at the same point, which one pass over the
     * data answers. One instance serves one fit on one thread.
     */
    private static final class Newton implements Preconditioner {

        private final int n;
        private final Function<double[], double[]> derivatives;
        private double[] point = new double[0];
        private double[] values = new double[0];

        Newton(int n, Function<double[], double[]> derivatives) {
            this.n = n;
            this.derivatives = derivatives;
        }

        private double[] at(double[] logs) {
            if (!Arrays.equals(logs, point)) {
                double[] parameters = parameters(logs);
                values = parameters.length == 0 ? new double[0] : derivatives.apply(parameters);
                point = logs.clone();
            }
            return values;
        }

        double[] gradient(double[] logs) {
            double[] d = at(logs);
            double[] gradient = new double[n];
            if (d.length == 0) {
                return gradient;
            }
            for (int i = 0; i < n; i++) {
                gradient[i] = Double.isFinite(d[1 + i]) ? d[1 + i] : 0;
            }
            return gradient;
        }

        @Override
        public double[] precondition(double[] logs, double[] gradient) {
            double[] d = at(logs);
            if (d.length == 0) {
                return gradient.clone();
            }
            RealMatrix negativeHessian = MatrixUtils.createRealMatrix(n, n);
            int k = 1 + n;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double h = -d[k++];
                    if (!Double.isFinite(h)) {
                        return gradient.clone();
                    }
                    negativeHessian.setEntry(i, j, h);
                    negativeHessian.setEntry(j, i, h);
                }
            }
            EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(negativeHessian);
            double[] eigenvalues = eigen.getEigenvalues();
            double largest = 0;
            for (double lambda : eigenvalues) {
                largest = Math.max(largest, Math.abs(lambda));
            }
            RealVector g = MatrixUtils.createRealVector(gradient);
            RealVector direction = MatrixUtils.createRealVector(new double[n]);
            for (int i = 0; i < n; i++) {
                RealVector v = eigen.getEigenvector(i);
                double curvature = Math.max(Math.abs(eigenvalues[i]), 1e-10 * largest);
                direction = direction.add(v.mapMultiply(v.dotProduct(g) / curvature));
            }
            return direction.toArray();
        }
    }
}
