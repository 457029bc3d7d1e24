using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// The topic ids the code itself acts on by name. Which topics exist, their labels and what the bot does with each is
/// content (content/understanding/topics.yaml, read into a <see cref="TopicRegistry"/>), so a new topic needs no code;
/// these constants are only the ones code branches on, so each is spelt once and topics.yaml must list it.
/// </summary>
public static class Topics
{
    public const string Eligibility = "eligibility";
    public const string VocationalTraining = "vocational_training";
    public const string Jobs = "jobs";
    public const string Housing = "housing";
    public const string OtherSupport = "other_support";
    public const string Registration = "registration";
    public const string Greeting = "greeting";
    public const string Handoff = "handoff";
    public const string OptOut = "opt_out";
    public const string EraseData = "erase_data";
    public const string Goodbye = "goodbye";

    /// <summary>What a message about none of the topics is classified as; never listed in topics.yaml.</summary>
    public const string Unknown = UnderstoodQuestion.UnknownTopic;

    /// <summary>The topics topics.yaml must list because code refers to them (the loader reports a missing one).</summary>
    public static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal)
    {
        Eligibility, VocationalTraining, Jobs, Housing, OtherSupport, Registration, Greeting, Handoff, OptOut, EraseData, Goodbye,
    };
}
