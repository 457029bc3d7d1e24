using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The sixth held-out set of issue 12 (Answers/freshset6.tsv, stop 54) is checked like the fifth: contract format, real
/// questions with f6- ids, labels that name existing entries, an http(s) page for each, and no page or question of an
/// earlier set again. Its floor is the 68 rows the stored pages still held that no letter the bot weighs words by (content/understanding/letters.tsv) comes from.
/// </summary>
public sealed partial class Freshset6FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet6Path;

    protected override Regex IdPattern => Fresh6Id();

    protected override int MinimumRows => 68;

    protected override IReadOnlyList<string> EarlierSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path, AnswerSets.FreshSet4Path,
        AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath, AnswerSets.ChatSet2Path, AnswerSets.ChatSet3Path, AnswerSets.ChatSet4Path,
        AnswerSets.ChatSet5Path, AnswerSets.ChatSet6Path, AnswerSets.ChatSet7Path,
    ];

    [GeneratedRegex(@"^f6-\d{3}$")]
    private static partial Regex Fresh6Id();
}
