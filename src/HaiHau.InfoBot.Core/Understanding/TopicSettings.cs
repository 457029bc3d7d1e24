using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>What the bot does when a message is understood to be about a topic (content/understanding/topics.yaml).</summary>
public enum TopicAction
{
    /// <summary>Answer with the best FAQ entry or article of the topic; offer <see cref="TopicSettings.Dialog"/> for more.</summary>
    Answer,

    /// <summary>Run <see cref="TopicSettings.Dialog"/> (the menu, the handoff, the erase confirmation, registration).</summary>
    Dialog,

    /// <summary>Say <see cref="TopicSettings.Reply"/>.</summary>
    Reply,
}

/// <summary>One topic's label (for "which one did you mean?" buttons) and action.</summary>
public sealed record TopicSettings(
    string Topic,
    string Label,
    TopicAction Action,
    string? Dialog,
    string? More,
    string? Reply,
    SourceLocation Location)
{
    /// <summary>
    /// The referral (content/referrals.yaml) for a question of this topic that no entry answers well and that names no
    /// body itself: a loan question goes to the Social Policy Bank's commune point, not to UBND xã. Null: UBND xã.
    /// </summary>
    public string? Refer { get; init; }

    /// <summary>
    /// Other words residents name the whole topic with, beside its label («vay tiền» for «Vay vốn ưu đãi»): a message
    /// of only these words and the topic's own opens the topic's dialog. «tôi muốn vay tiền» got the entry on loans
    /// taken out in someone else's name.
    /// </summary>
    public IReadOnlyList<string> Names { get; init; } = [];
}

/// <summary>The sentences the understanding step says itself; resident-facing, so they live in content.</summary>
/// <see cref="Suggest"/> leads the buttons of the entries offered beside an "I don't know" (<see cref="UnderstoodQuestion.Suggestions"/>).
/// <see cref="WholeAnswer"/> labels the button under the part of an answer a follow-up asked for («thế bao nhiêu tiền»);
/// <see cref="NotSaid"/> says that the answer just given does not say what the follow-up asks, before where to ask.
public sealed record UnderstandingMessages(string NotUnderstood, string WhichTopic, string ReadArticle, string Suggest, string WholeAnswer, string NotSaid)
{
    public static readonly UnderstandingMessages Default = new(
        "Cháu chưa hiểu câu hỏi của bác.",
        "Bác muốn hỏi về mục nào?",
        "Đọc bài đầy đủ",
        "Nếu bác hỏi việc ghi trên nút dưới đây, bác bấm vào để xem nhé:",
        "Xem cả câu trả lời",
        "Điều bác hỏi thêm thì câu trả lời này chưa nói, nên cháu không dám nói đại ạ.");
}
