namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Where an understood question leads: an FAQ entry, an article, or a topic (its dialog or action). Its
/// <see cref="Payload"/> travels in buttons ("faq:the-bhyt-het-han"), so a press needs no remembered question.
/// </summary>
public sealed record AnswerRef(string Kind, string Id)
{
    public const string Faq = "faq";
    public const string Article = "article";
    public const string Topic = "topic";

    public string Payload => $"{Kind}:{Id}";

    public static AnswerRef? Parse(string? payload)
    {
        var colon = payload?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == payload!.Length - 1)
        {
            return null;
        }

        var kind = payload[..colon];
        return kind is Faq or Article or Topic ? new AnswerRef(kind, payload[(colon + 1)..]) : null;
    }

    public override string ToString() => Payload;
}
