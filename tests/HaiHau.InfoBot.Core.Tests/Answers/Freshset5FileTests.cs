using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The fifth held-out set of issue 12 (Answers/freshset5.tsv) is checked like the fourth: contract format, real
/// questions with f5- ids, labels that name existing entries, an http(s) page for each, and no page or question of an
/// earlier set again. Its floor is the 22 rows the stored pages still held.
/// </summary>
public sealed partial class Freshset5FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet5Path;

    protected override Regex IdPattern => Fresh5Id();

    protected override int MinimumRows => 22;

    protected override IReadOnlyList<string> EarlierSets =>
        [AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path, AnswerSets.FreshSet4Path];

    [GeneratedRegex(@"^f5-\d{3}$")]
    private static partial Regex Fresh5Id();
}
