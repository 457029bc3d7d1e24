using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Everything in content/understanding (short forms, example questions per topic, what each topic does) and the FAQ
/// entries of content/faq: what the bot reads free text with, and answers it from.
/// </summary>
public sealed record UnderstandingData(
    Abbreviations Abbreviations,
    IReadOnlyList<ExampleQuestion> Examples,
    IReadOnlyList<TopicSettings> Topics,
    UnderstandingMessages Messages)
{
    public static readonly UnderstandingData Empty = new(Abbreviations.None, [], [], UnderstandingMessages.Default);

    private TopicRegistry? _registry;

    /// <summary>The topics of <see cref="Topics"/> as the one registry every part of the bot reads.</summary>
    public TopicRegistry Registry =>
        _registry is { } built && ReferenceEquals(built.Topics, Topics) ? built : _registry = new TopicRegistry(Topics);

    public IReadOnlyList<FaqEntry> Faqs { get; init; } = [];

    /// <summary>Words that make a message a question ("không", "bao nhiêu", "ở đâu"): only a question interrupts a dialog.</summary>
    public IReadOnlyList<string> QuestionWords { get; init; } = [];

    /// <summary>Where to send what the programme cannot answer (content/referrals.yaml).</summary>
    public IReadOnlyList<Referral> Referrals { get; init; } = [];

    /// <summary>
    /// Letters residents wrote to public Q&amp;A pages (content/understanding/letters.tsv), unlabelled: only how common
    /// each word is in them counts, so the grammar of telling a case weighs less in an answer's coverage.
    /// </summary>
    public IReadOnlyList<string> Letters { get; init; } = [];

    /// <summary>
    /// Messages written for each entry in the ways residents ask (content/understanding/practice-letters.tsv), labelled
    /// with the entry: what <see cref="EntryModel"/> learns from, beside the entries' own questions and keywords. Their
    /// count and digest only; the texts are read again when the model is trained (<see cref="PracticeLetterSet"/>).
    /// </summary>
    public PracticeLetterSet PracticeLetters { get; init; } = PracticeLetterSet.None;
}
