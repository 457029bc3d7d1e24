using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The first held-out set of issue 12 (Answers/freshset.tsv) is checked the way the real set is: same contract
/// format, every label names an answer that exists, every question keeps its public page. It must also stay apart from
/// the real set (no page or question of the real set again), or it would not say whether the figures generalise. The
/// checks are shared with the second held-out set (<see cref="HeldOutSetFileTests"/>).
/// </summary>
public sealed partial class FreshsetFileTests : HeldOutSetFileTests
{
    protected override string FilePath => AnswerSets.FreshSetPath;

    protected override Regex IdPattern => FreshId();

    protected override IReadOnlyList<string> EarlierSets => [AnswerSets.RealSetPath];

    [GeneratedRegex(@"^f\d{3}$")]
    private static partial Regex FreshId();
}
