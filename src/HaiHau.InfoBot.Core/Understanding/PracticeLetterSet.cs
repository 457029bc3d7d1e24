using System.IO.Hashing;
using System.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// The practice letters as the understanding needs them: how many, a digest that names them in a stored build's key, and
/// a way to read them when the entry model must be trained. The texts themselves are not kept: several megabytes a
/// serving host reads once at most (a new install reads the build prepared from them), where idle memory has a target
/// (README, Speed). A set loaded from content/understanding/practice-letters.tsv reads the file again when asked.
/// </summary>
public sealed class PracticeLetterSet
{
    private readonly Func<IReadOnlyList<PracticeLetter>> _read;

    public PracticeLetterSet(int count, string digest, Func<IReadOnlyList<PracticeLetter>> read)
    {
        Count = count;
        Digest = digest;
        _read = read;
    }

    /// <summary>No practice letters: the entry model learns from the entries' questions and keywords alone.</summary>
    public static PracticeLetterSet None { get; } = Of([]);

    public int Count { get; }

    /// <summary>XxHash128 (a cache key, not a secret) of every letter's entry, voice and text, in order.</summary>
    public string Digest { get; }

    /// <summary>The letters, read again from where they came from.</summary>
    public IReadOnlyList<PracticeLetter> Read() => _read();

    /// <summary>
    /// These letters and <paramref name="more"/> after them (the letters staff linked in the console: <see cref="StaffTeaching"/>).
    /// Its digest names both, so a build keyed on it is not mistaken for this set's.
    /// </summary>
    public PracticeLetterSet With(IReadOnlyList<PracticeLetter> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(Digest));
        hash.Append(Encoding.UTF8.GetBytes(DigestOf(more)));
        return new PracticeLetterSet(Count + more.Count, Convert.ToHexStringLower(hash.GetHashAndReset()), () => [.. Read(), .. more]);
    }

    /// <summary>Letters held in memory (tests, and a set read back from a file).</summary>
    public static PracticeLetterSet Of(IReadOnlyList<PracticeLetter> letters) => new(letters.Count, DigestOf(letters), () => letters);

    public static string DigestOf(IReadOnlyList<PracticeLetter> letters)
    {
        var hash = new XxHash128();
        foreach (var letter in letters)
        {
            foreach (var text in new[] { letter.Answer.Payload, letter.Voice, letter.Text })
            {
                // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently.
                hash.Append(BitConverter.GetBytes(text.Length));
                hash.Append(Encoding.UTF8.GetBytes(text));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
