using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The seventh held-out set of issue 12 (Answers/freshset7.tsv, stop 55) is checked like the sixth: contract format, real
/// questions with f7- ids, labels that name existing entries, an http(s) page for each, and no page or question of an
/// earlier set again. Its floor is the 29 rows a blind search of the stored pages still found new.
/// </summary>
public sealed partial class Freshset7FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet7Path;

    protected override Regex IdPattern => Fresh7Id();

    protected override int MinimumRows => 29;

    protected override IReadOnlyList<string> EarlierSets => AnswerSets.GatheredBefore(AnswerSets.FreshSet7Path);

    [GeneratedRegex(@"^f7-\d{3}$")]
    private static partial Regex Fresh7Id();
}
