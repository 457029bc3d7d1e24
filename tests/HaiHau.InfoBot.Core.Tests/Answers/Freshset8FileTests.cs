using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The eighth held-out set of issue 12 (Answers/freshset8.tsv, stop 56) is checked like the seventh: contract format, real
/// questions with f8- ids, labels that name existing entries, an http(s) page for each, and no page or question of an
/// earlier set again. Its floor is the 30 rows a blind search of the stored pages still found new.
/// </summary>
public sealed partial class Freshset8FileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSet8Path;

    protected override Regex IdPattern => Fresh8Id();

    protected override int MinimumRows => 30;

    protected override IReadOnlyList<string> EarlierSets => AnswerSets.GatheredBefore(AnswerSets.FreshSet8Path);

    [GeneratedRegex(@"^f8-\d{3}$")]
    private static partial Regex Fresh8Id();
}
