namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// Logistic regression for a handful of signals, fitted by Newton's method with a small ridge penalty: deterministic
/// (no random start, no learning rate), so the same rows always give the same weights and a test can re-fit them.
/// </summary>
internal static class LogisticFit
{
    /// <summary>The probability σ(w₀ + Σ wᵢ xᵢ).</summary>
    public static double Probability(IReadOnlyList<double> weights, IReadOnlyList<double> x)
    {
        var z = weights[0];
        for (var i = 0; i < x.Count; i++)
        {
            z += weights[i + 1] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The weights (intercept first) that best predict <c>Y</c> from <c>X</c>; the intercept is not penalised.</summary>
    public static double[] Fit(IReadOnlyList<(IReadOnlyList<double> X, bool Y)> rows, double ridge = 1, int iterations = 50)
    {
        var n = rows.Count == 0 ? 0 : rows[0].X.Count + 1;
        var w = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var (x, y) in rows)
            {
                var p = Probability(w, x);
                var error = p - (y ? 1 : 0);
                var curvature = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < n; i++)
                {
                    var xi = i == 0 ? 1 : x[i - 1];
                    gradient[i] += error * xi;
                    for (var j = 0; j < n; j++)
                    {
                        hessian[i, j] += curvature * xi * (j == 0 ? 1 : x[j - 1]);
                    }
                }
            }

            for (var i = 1; i < n; i++)
            {
                gradient[i] += ridge * w[i];
                hessian[i, i] += ridge;
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                w[i] -= step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-10)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>Gaussian elimination with partial pivoting; the matrix is small (a few signals) and positive definite.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            }

            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                v[row] -= factor * v[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = v[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * x[k];
            }

            x[row] = sum / m[row, row];
        }

        return x;
    }
}
