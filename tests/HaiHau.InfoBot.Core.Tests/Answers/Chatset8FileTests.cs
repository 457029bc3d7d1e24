using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The eighth chat-style set (Answers/chatset8.tsv, 8 December 2026, stop 57): 40 short messages (ch8-001…) and 60 of
/// older residents dictating or typing slowly (ch8-101…), written blind; a clean set until a stop reads it.
/// </summary>
public sealed partial class Chatset8FileTests : ChatStyleSetFileTests
{
    protected override string FilePath => AnswerSets.ChatSet8Path;

    protected override Regex IdPattern => Chat8Id();

    protected override int MinimumRows => 99;

    protected override IReadOnlyList<string> OtherSets => AnswerSets.GatheredBefore(FilePath);

    [GeneratedRegex(@"^ch8-\d{3}$")]
    private static partial Regex Chat8Id();
}
