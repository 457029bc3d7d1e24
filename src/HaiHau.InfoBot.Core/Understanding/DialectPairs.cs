namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// The region's l and n. Many older residents of the former Nam Định (now Ninh Bình) say, and so type or voice-type,
/// «nàm việc» for làm việc, «nao động» for lao động, «nương hưu» for lương hưu, «lăm nay» for năm nay, «nớp nghề» for
/// lớp nghề. Read as written, such a message names nothing the bot knows, or the wrong thing: «đi sút khẩu nao động»
/// got the poor household's loan instead of the loan for working abroad, «nớp nghề» for a disabled person the
/// disability allowance instead of the training (the second chat-style set, 7 December).
/// </summary>
/// <remarks>
/// Learned from the bot's own texts (FAQ entries, articles, examples, the letters and practice letters): a pair of
/// neighbouring words seen at least <see cref="MinCount"/> times, one of them beginning with l or n, gives its variant
/// with that word's l and n swapped; a message holding the variant gets the pair back, unless the variant is itself
/// ever seen in those texts («làm nhà» and «năm nhà» would both stay) or two pairs give the same variant. Words alone are
/// never changed: «nam» is năm and «nộp» as often as a misspoken «làm» and «lớp»; only the word beside it tells. So the
/// bot's own texts read exactly as before, and a message in standard spelling is changed only where it holds a pair the
/// texts never have: 2 of the 985 letters and messages of the answer sets other than the voice-typed one (7 December).
/// </remarks>
internal sealed class DialectPairs
{
    /// <summary>
    /// How often a pair must be seen to be restored. Chosen on 7 December on the answer sets, counted first with a script
    /// on their folded words: at 3, 2,641 pairs and 32 standard letters or messages touched (real, fresh, chat sets); at 20,
    /// 334 and 2; the voice-typed messages of the second chat-style set kept most of theirs. In the bot (short forms
    /// expanded) 350 pairs at 20, and 2 of the other sets' 985 rows read differently (a «nại tôi» and a «muốn nên»).
    /// </summary>
    public const int MinCount = 20;

    private readonly Dictionary<(string First, string Second), (int At, string Meant)> _fixes;

    private DialectPairs(Dictionary<(string First, string Second), (int At, string Meant)> fixes) => _fixes = fixes;

    public static DialectPairs None { get; } = new([]);

    /// <summary>How many variant pairs are restored.</summary>
    public int Count => _fixes.Count;

    /// <summary>The pairs to restore, learned from these texts (each already read into tokens).</summary>
    public static DialectPairs Learn(IEnumerable<IReadOnlyList<string>> texts)
    {
        var seen = new Dictionary<(string, string), int>();
        foreach (var tokens in texts)
        {
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var pair = (tokens[i], tokens[i + 1]);
                seen[pair] = seen.GetValueOrDefault(pair) + 1;
            }
        }

        var fixes = new Dictionary<(string, string), (int, string)>();
        var ambiguous = new HashSet<(string, string)>();
        foreach (var ((first, second), count) in seen.Where(p => p.Value >= MinCount).OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
        {
            for (var at = 0; at < 2; at++)
            {
                if (Swapped(at == 0 ? first : second) is not { } other)
                {
                    continue;
                }

                var variant = at == 0 ? (other, second) : (first, other);
                if (seen.ContainsKey(variant) || ambiguous.Contains(variant))
                {
                    continue;
                }

                if (!fixes.TryAdd(variant, (at, at == 0 ? first : second)))
                {
                    fixes.Remove(variant);
                    ambiguous.Add(variant);
                }
            }
        }

        return new DialectPairs(fixes);
    }

    /// <summary>The word with its l and n swapped («nam» → «lam», «lop» → «nop»); null when it begins with neither (or with «ng», «nh»).</summary>
    internal static string? Swapped(string token) => token.Length switch
    {
        0 => null,
        _ when token[0] == 'l' => "n" + token[1..],
        _ when token[0] == 'n' && !token.StartsWith("ng", StringComparison.Ordinal) && !token.StartsWith("nh", StringComparison.Ordinal) => "l" + token[1..],
        _ => null,
    };

    /// <summary>Restores every variant pair of the tokens, left to right; returns the positions changed.</summary>
    public List<int>? Correct(List<string> tokens)
    {
        List<int>? changed = null;
        for (var i = 0; i + 1 < tokens.Count && _fixes.Count > 0; i++)
        {
            if (_fixes.TryGetValue((tokens[i], tokens[i + 1]), out var fix))
            {
                tokens[i + fix.At] = fix.Meant;
                (changed ??= []).Add(i + fix.At);
            }
        }

        return changed;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_fixes.Count);
        foreach (var ((first, second), (at, meant)) in _fixes)
        {
            writer.Write(first);
            writer.Write(second);
            writer.Write(at);
            writer.Write(meant);
        }
    }

    public static DialectPairs Read(StringPool strings)
    {
        var count = strings.Reader.ReadInt32();
        var fixes = new Dictionary<(string, string), (int, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var pair = (strings.ReadString(), strings.ReadString());
            fixes[pair] = (strings.Reader.ReadInt32(), strings.ReadString());
        }

        return new DialectPairs(fixes);
    }
}
