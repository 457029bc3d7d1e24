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

    /// <summary>An honest referral to another body (content/referrals.yaml): the programme has no answer.</summary>
    public const string Refer = "refer";

    /// <summary>The poverty screener, prefilled with what the resident told (Id empty: payload "screener").</summary>
    public const string Screener = "screener";

    /// <summary>A search of the job or course listings for the resident's words (Id "jobs" or "courses").</summary>
    public const string Listings = "listings";

    public string Payload => Id.Length == 0 ? Kind : $"{Kind}:{Id}";

    public static AnswerRef? Parse(string? payload)
    {
        if (payload == Screener)
        {
            return new AnswerRef(Screener, string.Empty);
        }

        var colon = payload?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == payload!.Length - 1)
        {
            return null;
        }

        var kind = payload[..colon];
        return kind is Faq or Article or Topic or Refer or Listings or Screener ? new AnswerRef(kind, payload[(colon + 1)..]) : null;
    }

    public override string ToString() => Payload;
}
