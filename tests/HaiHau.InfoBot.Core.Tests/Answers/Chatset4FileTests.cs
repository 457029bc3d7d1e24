using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The fourth chat-style set (Answers/chatset4.tsv, 7 December 2026, stop 49): 60 short messages (ch4-001…) and 40
/// voice-typed or dialect messages of older residents (ch4-101…), written blind for development.
/// </summary>
public sealed partial class Chatset4FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet4Path;

    protected override Regex IdPattern => Chat4Id();

    protected override int MinimumRows => 96;

    protected override IReadOnlyList<string> OtherSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path,
        AnswerSets.FreshSet4Path, AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath, AnswerSets.ChatSet2Path,
        AnswerSets.ChatSet3Path,
    ];

    [GeneratedRegex(@"^ch4-\d{3}$")]
    private static partial Regex Chat4Id();
}
