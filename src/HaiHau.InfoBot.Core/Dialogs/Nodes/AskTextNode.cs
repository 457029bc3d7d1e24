using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks for free text (a name, a village). Emoji-only or empty answers are re-asked.
/// <code>
/// - id: hoi-thon
///   type: ask_text
///   text: "Bác ở thôn (xóm) nào?"
///   var: thon
///   max_length: 100
/// </code>
/// </summary>
public sealed partial class AskTextNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "min_length", "max_length", "pattern"];

    public override string Type => "ask_text";

    public int MinLength { get; init; } = 1;

    public int MaxLength { get; init; } = 200;

    /// <summary>
    /// What the answer must hold (a household code: letters and digits), the part kept being the first match: «mã là
    /// HN0356» keeps «HN0356», «xóm 5» or «mã hộ là gì hả cháu» is asked again (each had been kept as the code).
    /// </summary>
    public Regex? Pattern { get; init; }

    protected override string DefaultRetryText => "Bác gõ câu trả lời bằng chữ giúp cháu nhé.";

    public override bool TakesQuestions => false;

    public static DialogNode Read(NodeSeed seed) => new AskTextNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Spec = PromptSpec.Read(seed),
        MinLength = seed.Reader.OptionalInt(seed.Map, "min_length", 1, 2000) ?? 1,
        MaxLength = seed.Reader.OptionalInt(seed.Map, "max_length", 1, 2000) ?? 200,
        Pattern = ReadPattern(seed),
    };

    // A few letters, then groups of digits, spaces between: «ha 26 032», «HA 2022 001», «0 2 4 8 1». A loop in a loop,
    // run on what a resident typed: without backtracking, so no reply can make it slow.
    [GeneratedRegex(@"^[A-Za-z]{0,4}(?:\s*[-./]?\s*\d+)+$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TypedApart();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>With a pattern (a code), «quên mất rồi», «không biết», «không» say the code is not known.</summary>
    protected override bool GivesUpNow(TurnContext turn) =>
        Pattern is not null && (VietnameseYesNo.IsNotSure(turn.Input.Text) || VietnameseYesNo.Parse(turn.Input.Text) is YesNoAnswer.No or YesNoAnswer.Unknown);

    private static Regex? ReadPattern(NodeSeed seed)
    {
        if (seed.Reader.OptionalString(seed.Map, "pattern") is not { } pattern)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            seed.Reader.Report(seed.At("pattern"), $"pattern is not a regular expression: {e.Message}");
            return null;
        }
    }

    protected override Answer? Recognize(TurnContext turn)
    {
        var text = turn.Input.Text;
        if (!VietnameseText.HasWords(text) || text.Length < MinLength || text.Length > MaxLength)
        {
            return null;
        }

        if (Pattern is null)
        {
            return new Answer(text);
        }

        try
        {
            // «ha 26 032», «0 2 4 8 1»: a code typed in pieces is one code (the register reads it without the spaces).
            if (TypedApart().IsMatch(text.Trim()) && Spaces().Replace(text, string.Empty) is var joined && Pattern.Match(joined) is { Success: true } whole
                && whole.Value == joined)
            {
                return new Answer(joined);
            }

            return Pattern.Match(text) is { Success: true } found ? new Answer(found.Value) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a hostile reply the pattern cannot read quickly is no answer
        }
    }
}
