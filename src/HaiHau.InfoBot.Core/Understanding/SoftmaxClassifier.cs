namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Multinomial logistic regression (a softmax over one linear score per class), trained by stochastic gradient
/// descent with L2 shrinkage. Chosen over Naive Bayes because its probabilities are usable as a confidence: the
/// "answer / ask which one / say we did not understand" decision reads them directly. Training is deterministic
/// (a fixed shuffle seed), so the same content always gives the same bot.
/// </summary>
public sealed class SoftmaxClassifier
{
    private readonly float[] _weights; // class-major: _weights[c * _features + f]
    private readonly float[] _bias;
    private readonly int _features;

    private SoftmaxClassifier(IReadOnlyList<string> classes, int features)
    {
        Classes = classes;
        _features = features;
        _weights = new float[classes.Count * features];
        _bias = new float[classes.Count];
    }

    public IReadOnlyList<string> Classes { get; }

    public sealed record Options(int Epochs = 30, double LearningRate = 0.5, double L2 = 1e-5, int Seed = 20221);

    public static SoftmaxClassifier Train(
        IReadOnlyList<string> classes, int features, IReadOnlyList<(SparseVector X, int Y)> examples, Options? options = null)
    {
        options ??= new Options();
        var model = new SoftmaxClassifier(classes, features);
        if (examples.Count == 0)
        {
            return model;
        }

        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var probabilities = new double[classes.Count];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            // The step shrinks as training settles, so the last epochs fine-tune rather than jump around.
            var rate = options.LearningRate / (1 + (epoch * 0.2));
            foreach (var index in order)
            {
                var (x, y) = examples[index];
                model.Probabilities(x, probabilities);
                for (var c = 0; c < classes.Count; c++)
                {
                    var gradient = probabilities[c] - (c == y ? 1 : 0);
                    var row = c * features;
                    for (var k = 0; k < x.Count; k++)
                    {
                        var w = row + x.Ids[k];
                        model._weights[w] -= (float)(rate * ((gradient * x.Values[k]) + (options.L2 * model._weights[w])));
                    }

                    model._bias[c] -= (float)(rate * gradient);
                }
            }
        }

        return model;
    }

    /// <summary>Fills <paramref name="probabilities"/> (one per class, summing to 1) for <paramref name="x"/>.</summary>
    public void Probabilities(SparseVector x, double[] probabilities)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < Classes.Count; c++)
        {
            double score = _bias[c];
            var row = c * _features;
            for (var k = 0; k < x.Count; k++)
            {
                score += _weights[row + x.Ids[k]] * x.Values[k];
            }

            probabilities[c] = score;
            max = Math.Max(max, score);
        }

        double sum = 0;
        for (var c = 0; c < Classes.Count; c++)
        {
            probabilities[c] = Math.Exp(probabilities[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes.Count; c++)
        {
            probabilities[c] /= sum;
        }
    }
}
