using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The fifth chat-style set (Answers/chatset5.tsv, 7 December 2026, stop 50): 60 short messages (ch5-001…) and 40 of
/// older residents typing slowly or dictating (ch5-101…), written blind; a clean set until a stop reads it.
/// </summary>
public sealed partial class Chatset5FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet5Path;

    protected override Regex IdPattern => Chat5Id();

    protected override int MinimumRows => 94;

    protected override IReadOnlyList<string> OtherSets =>
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path,
        AnswerSets.FreshSet4Path, AnswerSets.FreshSet5Path, AnswerSets.ChatSetPath, AnswerSets.ChatSet2Path,
        AnswerSets.ChatSet3Path, AnswerSets.ChatSet4Path,
    ];

    [GeneratedRegex(@"^ch5-\d{3}$")]
    private static partial Regex Chat5Id();
}
