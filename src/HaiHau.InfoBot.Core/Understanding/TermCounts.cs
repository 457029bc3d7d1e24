using System.Collections;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A document's terms and how often each occurs, as two arrays sorted by term. The answer index keeps two per answer
/// (its question and keywords, its text: about 52,000 terms in all), and a dictionary each cost about a megabyte of the
/// idle host, whose memory has a target it sat on (README, Speed). Looked up by binary search, ordinal; the counts and
/// so every score are what the dictionaries gave (AnswerIndexPostingsTests).
/// </summary>
internal sealed class TermCounts : IEnumerable<KeyValuePair<string, int>>
{
    private readonly string[] _terms;
    private readonly int[] _counts;

    public TermCounts(IEnumerable<KeyValuePair<string, int>> counts)
    {
        var pairs = counts.ToArray();
        _terms = [.. pairs.Select(p => p.Key)];
        _counts = [.. pairs.Select(p => p.Value)];
        // Written in this order (the prepared understanding file), they are read back sorted: a host's start-up sorts
        // nothing. Counted from a text, they are sorted here once.
        if (!InOrder(_terms))
        {
            Array.Sort(_terms, _counts, StringComparer.Ordinal);
        }

        Total = _counts.Sum();
    }

    private static bool InOrder(string[] terms)
    {
        for (var i = 1; i < terms.Length; i++)
        {
            if (string.CompareOrdinal(terms[i - 1], terms[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many distinct terms.</summary>
    public int Count => _terms.Length;

    /// <summary>How many terms, each counted as often as it occurs (the document's length).</summary>
    public int Total { get; }

    public IEnumerable<string> Keys => _terms;

    public bool ContainsKey(string term) => Array.BinarySearch(_terms, term, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string term, out int count)
    {
        var at = Array.BinarySearch(_terms, term, StringComparer.Ordinal);
        count = at >= 0 ? _counts[at] : 0;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
    {
        for (var i = 0; i < _terms.Length; i++)
        {
            yield return new KeyValuePair<string, int>(_terms[i], _counts[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
