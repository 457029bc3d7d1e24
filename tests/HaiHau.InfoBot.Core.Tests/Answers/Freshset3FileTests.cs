using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The third held-out set of issue 12 (Answers/freshset3.tsv) is checked like the first two: contract format, at least
/// 100 real questions with f3- ids, labels that name existing entries, an http(s) page for each. It must stay apart from
/// every earlier set: no page and no question of realset.tsv, freshset.tsv or freshset2.tsv again.
/// </summary>
public sealed partial class Freshset3FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet3Path;

    protected override Regex IdPattern => Fresh3Id();

    protected override IReadOnlyList<string> EarlierSets => [AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path];

    [GeneratedRegex(@"^f3-\d{3}$")]
    private static partial Regex Fresh3Id();
}
