using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The fourth held-out set of issue 12 (Answers/freshset4.tsv) is checked like the first three: contract format, real
/// questions with f4- ids, labels that name existing entries, an http(s) page for each. It must stay apart from every
/// earlier set: no page and no question of realset.tsv, freshset.tsv, freshset2.tsv or freshset3.tsv again. The stored
/// pages were nearly exhausted by the earlier sets, so its floor is the 26 rows kept, not the others' 100.
/// </summary>
public sealed partial class Freshset4FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet4Path;

    protected override Regex IdPattern => Fresh4Id();

    protected override int MinimumRows => 26;

    protected override IReadOnlyList<string> EarlierSets =>
        [AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path];

    [GeneratedRegex(@"^f4-\d{3}$")]
    private static partial Regex Fresh4Id();
}
