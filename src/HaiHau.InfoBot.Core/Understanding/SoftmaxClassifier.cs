using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Multinomial logistic regression (a softmax over one linear score per class), trained by stochastic gradient
/// descent with L2 shrinkage. Chosen over Naive Bayes because its probabilities are usable as a confidence: the
/// "answer / ask which one / say we did not understand" decision reads them directly. Training is deterministic, so
/// the same content always gives the same bot.
/// </summary>
/// <remarks>
/// Each epoch visits the examples in an order drawn from each example's own name (a hash of its topic and words) and
/// the epoch, not from a shuffle of their positions: one phrase added to a FAQ entry then takes its own place in every
/// epoch and leaves the others' order as it was. With a shuffled position order it reshuffled every epoch of every
/// example, and the decisions near a topic boundary moved with it wherever the phrase was added (measured 5 December:
/// three one-phrase content edits each changed 6–8 verdicts of the four answer sets' rows with the shuffle, 0–2 with
/// the named order), so a content fix could not be told apart from the noise it made.
/// </remarks>
public sealed class SoftmaxClassifier
{
    private readonly float[] _weights; // class-major: _weights[c * _features + f]
    private readonly float[] _bias;
    private const int FormatVersion = 2; // 2: epochs in the examples' named order

    private readonly int _features;

    private SoftmaxClassifier(IReadOnlyList<string> classes, int features)
    {
        Classes = classes;
        _features = features;
        _weights = new float[classes.Count * features];
        _bias = new float[classes.Count];
    }

    public IReadOnlyList<string> Classes { get; }

    /// <summary>How many features each class has a weight for.</summary>
    internal int FeatureCount => _features;

    /// <summary>Class <paramref name="c"/>'s weight for feature <paramref name="f"/> (for <see cref="CompactSoftmax"/>).</summary>
    internal float Weight(int c, int f) => _weights[(c * _features) + f];

    /// <summary>Class <paramref name="c"/>'s bias.</summary>
    internal float Bias(int c) => _bias[c];

    public sealed record Options(int Epochs = 30, double LearningRate = 0.5, double L2 = 1e-5, int Seed = 20221);

    /// <summary>
    /// Learns the weights. <paramref name="names"/>, one per example, place each example in every epoch's order (see
    /// the remarks): <see cref="NameOf"/> of its text, which does not depend on the other examples (its features' ids
    /// do: they shift when an earlier example brings a new word).
    /// </summary>
    public static SoftmaxClassifier Train(
        IReadOnlyList<string> classes, int features, IReadOnlyList<(SparseVector X, int Y)> examples, IReadOnlyList<ulong> names,
        Options? options = null)
    {
        options ??= new Options();
        var model = new SoftmaxClassifier(classes, features);
        if (examples.Count == 0)
        {
            return model;
        }

        if (names.Count != examples.Count)
        {
            throw new ArgumentException("One name per example.", nameof(names));
        }

        var order = new int[examples.Count];
        var places = new ulong[examples.Count];
        var probabilities = new double[classes.Count];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var salt = Mix((ulong)options.Seed + (ulong)epoch);
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
                places[i] = Mix(names[i] ^ salt);
            }

            Array.Sort(places, order);
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

    /// <summary>The weights stored for exactly these examples when the store has them, else trained (and kept).</summary>
    internal static SoftmaxClassifier TrainOrFind(
        IReadOnlyList<string> classes, int features, IReadOnlyList<(SparseVector X, int Y)> examples, IReadOnlyList<ulong> names, Options? training, IClassifierStore? store)
    {
        if (store is null)
        {
            return Train(classes, features, examples, names, training);
        }

        var key = Key(classes, features, examples, training);
        if (store.Find(key, classes, features) is { } stored)
        {
            return stored;
        }

        var trained = Train(classes, features, examples, names, training);
        store.Keep(key, trained);
        return trained;
    }

    /// <summary>A model that has learned nothing (every class equally likely): for a build with no examples.</summary>
    internal static SoftmaxClassifier Untrained(IReadOnlyList<string> classes) => new(classes, 0);

    /// <summary>A name for a training question: its topic and its words (XxHash64; an order, not a secret).</summary>
    public static ulong NameOf(string topic, IReadOnlyList<string> tokens) =>
        XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{topic}\n{string.Join(' ', tokens)}"));

    /// <summary>SplitMix64's finaliser: spreads a name and an epoch over all 64 bits, so each epoch's order is new.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A name for exactly what <see cref="Train"/> would learn from: XxHash128 (a cache key, not a secret) over the classes, the feature count, the
    /// options and every example in order. Training is deterministic, so equal keys give equal weights, and a model
    /// stored under this key (<see cref="IClassifierStore"/>) can stand in for training. Any change to the content,
    /// the normaliser or the feature space changes an example and so the key.
    /// </summary>
    public static string Key(IReadOnlyList<string> classes, int features, IReadOnlyList<(SparseVector X, int Y)> examples, Options? options = null)
    {
        options ??= new Options();
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(string.Join('\n', classes.Prepend(string.Create(CultureInfo.InvariantCulture,
            $"softmax v{FormatVersion} {features} {options.Epochs} {options.LearningRate:R} {options.L2:R} {options.Seed}")))));
        Span<byte> count = stackalloc byte[8];
        foreach (var (x, y) in examples)
        {
            BinaryPrimitives.WriteInt32LittleEndian(count, y);
            BinaryPrimitives.WriteInt32LittleEndian(count[4..], x.Count);
            hash.Append(count);
            hash.Append(MemoryMarshal.AsBytes(x.Ids.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(x.Values.AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The weights as bytes (little-endian floats after a small header), for <see cref="Read"/>.</summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(FormatVersion);
        writer.Write(Classes.Count);
        writer.Write(_features);
        writer.Write(MemoryMarshal.AsBytes(_bias.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
    }

    /// <summary>A model <see cref="Write"/> wrote for these classes and features; null when the bytes do not fit them.</summary>
    public static SoftmaxClassifier? Read(Stream stream, IReadOnlyList<string> classes, int features)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadInt32() != FormatVersion || reader.ReadInt32() != classes.Count || reader.ReadInt32() != features)
            {
                return null;
            }

            var model = new SoftmaxClassifier(classes, features);
            var bias = MemoryMarshal.AsBytes(model._bias.AsSpan());
            var weights = MemoryMarshal.AsBytes(model._weights.AsSpan());
            if (ReadFully(reader, bias) != bias.Length || ReadFully(reader, weights) != weights.Length || stream.ReadByte() != -1)
            {
                return null;
            }

            return model;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static int ReadFully(BinaryReader reader, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && reader.Read(buffer[total..]) is > 0 and var n)
        {
            total += n;
        }

        return total;
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
