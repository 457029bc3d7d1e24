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

    protected override IReadOnlyList<string> EarlierSets => AnswerSets.GatheredBefore(AnswerSets.FreshSet6Path);

    [GeneratedRegex(@"^f6-\d{3}$")]
    private static partial Regex Fresh6Id();
}
