using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// A message's words as typed, marks kept, to tell a commune's name from everyday words that fold like it: «nuôi hai
/// cháu» (two grandchildren) is no «Hải Châu», «gần hai triệu» no «Hải Triều», «hai năm» no «Hải Nam». A word typed
/// with marks must carry the name's (wherever the tone sits: «Hoà» is «Hòa»); in a message typed with marks (one word
/// in three or more), a plain «hai» is the number two, not «Hải». A message typed plain may name any commune its words
/// fold to, as before: «o hai chau» is Hải Châu.
/// </summary>
internal sealed class TypedWords
{
    /// <summary>At least one word in this many carries marks: the message was typed with diacritics (as the normaliser reads it).</summary>
    private const int MarkedShare = 3;

    private readonly string[] _plain;
    private readonly string[] _marks;
    private readonly bool _withMarks;

    private TypedWords(string[] plain, string[] marks)
    {
        (_plain, _marks) = (plain, marks);
        _withMarks = marks.Count(m => m is { Length: > 0 }) * MarkedShare >= plain.Length && plain.Length > 0;
    }

    public static TypedWords Of(string text)
    {
        var plain = VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var marked = VietnameseText.FoldKeepingMarks(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The same word boundaries (FoldKeepingMarks): word by word, unless something odd made them differ.
        return new TypedWords(plain, marked.Length == plain.Length ? [.. marked.Select(Marks)] : new string[plain.Length]);
    }

    /// <summary>Whether the words where <paramref name="name"/> is found may be that name as typed.</summary>
    public bool MaySay(string name)
    {
        var plainName = VietnameseText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var marksOfName = VietnameseText.FoldKeepingMarks(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Marks).ToArray();
        var seen = false;
        for (var at = 0; at + plainName.Length <= _plain.Length; at++)
        {
            if (_plain.AsSpan(at, plainName.Length).SequenceEqual(plainName))
            {
                seen = true;
                if (Agrees(at, marksOfName))
                {
                    return true;
                }
            }
        }

        // Found only through words run together («haixuan»): read as before.
        return !seen;
    }

    /// <summary>Some «hai» in the message may be «Hải»: typed so, or typed plain in a message typed plain.</summary>
    public bool MaySayHai =>
        _plain.Select((w, i) => (w, i)).Any(x => x.w == "hai" && (_marks[x.i] == HaiMarks || (!_withMarks && string.IsNullOrEmpty(_marks[x.i]))));

    private static readonly string HaiMarks = Marks("hải");

    private bool Agrees(int at, string[] name)
    {
        for (var k = 0; k < name.Length; k++)
        {
            var typed = _marks[at + k];
            if (typed is null || typed == name[k])
            {
                continue;
            }

            // A plain word may be the name's in a message typed plain, or after the name's first word typed right («Hải chau»).
            if (typed.Length == 0 && (!_withMarks || (k > 0 && _marks[at] == name[0])))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>A word's marks, in order of kind, not of place («hoà» and «hòa» alike); "" for a word typed plain.</summary>
    private static string Marks(string word)
    {
        var marks = new StringBuilder();
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == 'đ')
            {
                marks.Append(c);
            }
        }

        return marks.Length < 2 ? marks.ToString() : new string([.. marks.ToString().Order()]);
    }
}
