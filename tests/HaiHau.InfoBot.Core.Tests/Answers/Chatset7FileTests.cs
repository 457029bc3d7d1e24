using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The seventh chat-style set (Answers/chatset7.tsv, 7 December 2026, stop 53): 40 short messages (ch7-001…) and 60 of
/// older residents dictating or typing slowly (ch7-101…), written blind; a clean set until a stop reads it.
/// </summary>
public sealed partial class Chatset7FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet7Path;

    protected override Regex IdPattern => Chat7Id();

    protected override int MinimumRows => 100;

    protected override IReadOnlyList<string> OtherSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path,
        AnswerSets.FreshSet4Path, AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath, AnswerSets.ChatSet2Path,
        AnswerSets.ChatSet3Path, AnswerSets.ChatSet4Path, AnswerSets.ChatSet5Path, AnswerSets.ChatSet6Path,
    ];

    [GeneratedRegex(@"^ch7-\d{3}$")]
    private static partial Regex Chat7Id();
}
