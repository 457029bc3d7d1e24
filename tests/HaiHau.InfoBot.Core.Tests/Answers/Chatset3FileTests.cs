using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The third chat-style held-out set (Answers/chatset3.tsv, 7 December 2026, stop 49): 80 short messages (ch3-001…) and 40
/// voice-typed or dialect messages of older residents (ch3-101…), written blind; the clean chat-style set.
/// </summary>
public sealed partial class Chatset3FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet3Path;

    protected override Regex IdPattern => Chat3Id();

    protected override int MinimumRows => 113;

    protected override IReadOnlyList<string> OtherSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path,
        AnswerSets.FreshSet4Path, AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath, AnswerSets.ChatSet2Path,
    ];

    [GeneratedRegex(@"^ch3-\d{3}$")]
    private static partial Regex Chat3Id();
}
