namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// One string object for each distinct text read back by <see cref="BuiltUnderstanding.Read"/> (issue 15). The stored
/// build names the same syllable or pair in the feature space, in each answer's term counts, in the word weights and the
/// topics' words, and BinaryReader made a new string for each occurrence: most of the strings the idle host kept alive.
/// A pool of its own rather than string.Intern: it is dropped once the build is read, and the runtime's table is never.
/// </summary>
internal sealed class StringPool(BinaryReader reader)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public BinaryReader Reader { get; } = reader;

    /// <summary>The next string of the stream, as the object read first with this text.</summary>
    public string ReadString()
    {
        var text = Reader.ReadString();
        if (_seen.TryGetValue(text, out var first))
        {
            return first;
        }

        _seen.Add(text);
        return text;
    }
}
