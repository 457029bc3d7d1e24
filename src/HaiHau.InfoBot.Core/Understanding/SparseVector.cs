namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>A feature vector with few non-zero entries: feature ids ascending, and their weights.</summary>
public readonly record struct SparseVector(int[] Ids, float[] Values)
{
    public static readonly SparseVector Empty = new([], []);

    public int Count => Ids.Length;

    /// <summary>Merges repeated ids and scales to length 1, so a long message weighs no more than a short one.</summary>
    public static SparseVector FromCounts(Dictionary<int, float> weights)
    {
        if (weights.Count == 0)
        {
            return Empty;
        }

        var ids = weights.Keys.ToArray();
        Array.Sort(ids);
        var values = new float[ids.Length];
        var norm = 0.0;
        for (var i = 0; i < ids.Length; i++)
        {
            values[i] = weights[ids[i]];
            norm += values[i] * values[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }

        return new SparseVector(ids, values);
    }

    /// <summary>Cosine of two unit vectors: the dot product, walking both id lists once.</summary>
    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Ids.Length && j < other.Ids.Length)
        {
            if (Ids[i] == other.Ids[j])
            {
                sum += Values[i++] * other.Values[j++];
            }
            else if (Ids[i] < other.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
