using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The second held-out set of issue 12 (Answers/freshset2.tsv) is checked like the first: contract format, at least 100
/// real questions with f2- ids, labels that name existing entries or referral bodies, an http(s) page for each. It must
/// stay apart from both earlier sets: no page and no question of realset.tsv or freshset.tsv again.
/// </summary>
public sealed partial class Freshset2FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet2Path;

    protected override Regex IdPattern => Fresh2Id();

    protected override IReadOnlyList<string> EarlierSets => [AnswerSets.RealSetPath, AnswerSets.FreshSetPath];

    [GeneratedRegex(@"^f2-\d{3}$")]
    private static partial Regex Fresh2Id();
}
