namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A trained <see cref="SoftmaxClassifier"/> with its small weights dropped, kept per feature: for each feature only the
/// classes it speaks for or against. The entry model has a weight per feature and entry (a dense table of tens of
/// megabytes) and nearly all of them are close to zero; the host loads the model at start, where idle memory has a
/// target (README, Speed), so it keeps this form instead. Scoring a message also touches only its features' lists.
/// </summary>
internal sealed class CompactSoftmax
{
    private readonly int[] _starts; // feature f's weights are _targets/_weights[_starts[f] .. _starts[f + 1])
    private readonly ushort[] _targets;
    private readonly Half[] _weights; // half precision: the kept weights are at least 0.1 either way, so 3 significant digits lose nothing that ranks
    private readonly float[] _bias;

    private CompactSoftmax(IReadOnlyList<string> classes, int[] starts, ushort[] targets, Half[] weights, float[] bias)
    {
        Classes = classes;
        _starts = starts;
        _targets = targets;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Classes { get; }

    /// <summary>How many features the weights are for.</summary>
    public int FeatureCount => _starts.Length - 1;

    /// <summary>How many weights were kept (for the memory figure in the README).</summary>
    public int Kept => _weights.Length;

    /// <summary>The dense model's weights of at least <paramref name="minMagnitude"/> either way, and all its biases.</summary>
    public static CompactSoftmax From(SoftmaxClassifier dense, float minMagnitude)
    {
        if (dense.Classes.Count > ushort.MaxValue)
        {
            throw new ArgumentException("Too many classes for a compact model.", nameof(dense));
        }

        var starts = new int[dense.FeatureCount + 1];
        var targets = new List<ushort>();
        var weights = new List<Half>();
        for (var f = 0; f < dense.FeatureCount; f++)
        {
            starts[f] = weights.Count;
            for (var c = 0; c < dense.Classes.Count; c++)
            {
                var w = dense.Weight(c, f);
                if (Math.Abs(w) >= minMagnitude)
                {
                    targets.Add((ushort)c);
                    weights.Add((Half)w);
                }
            }
        }

        starts[^1] = weights.Count;
        var bias = Enumerable.Range(0, dense.Classes.Count).Select(dense.Bias).ToArray();
        return new CompactSoftmax(dense.Classes, starts, [.. targets], [.. weights], bias);
    }

    /// <summary>Fills <paramref name="probabilities"/> (one per class, summing to 1) for <paramref name="x"/>.</summary>
    public void Probabilities(SparseVector x, double[] probabilities)
    {
        for (var c = 0; c < _bias.Length; c++)
        {
            probabilities[c] = _bias[c];
        }

        for (var k = 0; k < x.Count; k++)
        {
            var f = x.Ids[k];
            for (var i = _starts[f]; i < _starts[f + 1]; i++)
            {
                probabilities[_targets[i]] += (float)_weights[i] * x.Values[k];
            }
        }

        var max = double.NegativeInfinity;
        for (var c = 0; c < _bias.Length; c++)
        {
            max = Math.Max(max, probabilities[c]);
        }

        double sum = 0;
        for (var c = 0; c < _bias.Length; c++)
        {
            probabilities[c] = Math.Exp(probabilities[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < _bias.Length; c++)
        {
            probabilities[c] /= sum;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes.Count);
        foreach (var c in Classes)
        {
            writer.Write(c);
        }

        writer.Write(_starts.Length);
        Array.ForEach(_starts, writer.Write);
        writer.Write(_weights.Length);
        Array.ForEach(_targets, writer.Write);
        Array.ForEach(_weights, writer.Write);
        Array.ForEach(_bias, writer.Write);
    }

    /// <summary>A model <see cref="Write"/> wrote, or null when the bytes do not hold one.</summary>
    public static CompactSoftmax? Read(BinaryReader reader, Func<string> readString)
    {
        var classes = new string[reader.ReadInt32()];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = readString();
        }

        var starts = new int[reader.ReadInt32()];
        for (var f = 0; f < starts.Length; f++)
        {
            starts[f] = reader.ReadInt32();
        }

        var count = reader.ReadInt32();
        if (starts.Length == 0 || starts[^1] != count || count < 0)
        {
            return null;
        }

        var targets = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            targets[i] = reader.ReadUInt16();
        }

        var weights = new Half[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = reader.ReadHalf();
        }

        var bias = new float[classes.Length];
        for (var c = 0; c < bias.Length; c++)
        {
            bias[c] = reader.ReadSingle();
        }

        return targets.All(t => t < classes.Length) ? new CompactSoftmax(classes, starts, targets, weights, bias) : null;
    }
}
