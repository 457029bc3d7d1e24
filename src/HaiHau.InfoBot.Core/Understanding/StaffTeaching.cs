using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// One decision staff took in the console on a resident's own words: an example of a topic (<see cref="Topic"/>), or a
/// link to the FAQ entry that answers them (<see cref="FaqId"/>). <see cref="Id"/> is the decision's row, named as where
/// the wording came from.
/// </summary>
public sealed record StaffWording(long Id, string Text, string? Topic = null, string? FaqId = null);

/// <summary>
/// Where staff's decisions join what the understanding is built from. Additive only: content/ stays the source.
/// A short message (a chat question, at most <see cref="QuestionUnderstanding.LetterWords"/> words) taught to a topic
/// becomes one more example question of it, and linked to an entry one more keyword of it: the classifier and the answer
/// search learn its words. A letter does not: its story's words would become the entry's, and the entry would then
/// cover every other letter telling a like story, whatever it asks. Measured on 7 December (stop 44): linking the 84
/// questions of the two development sets the bot did not answer to their right entry, as staff would (what the console
/// keeps of them: <see cref="Dialogs.DialogEngine.UnansweredSubject"/>), made 66 of 761 other residents' answers (the real, third and fourth
/// held-out and chat-style sets) newly wrong. A linked letter becomes a practice letter of its entry instead: the entry
/// model (a softmax over every entry, where one letter weighs against each entry's two dozen others) learns it, so a
/// like letter finds the entry among its buttons (the linked questions right or one tap away 63 → 79; 2 others newly
/// wrong, from the six short messages, which join as keywords). A letter taught to a topic teaches only the console's
/// exact match, which a letter over 200 characters never meets again (what is kept of it is not the letter).
/// </summary>
public static class StaffTeaching
{
    /// <summary>The file name staff wordings are "written in", for anything that reports where an example came from.</summary>
    public const string Origin = "console:staff_phrasings";

    /// <summary>The voice a linked letter is given among the practice letters.</summary>
    public const string Voice = "staff";

    /// <summary>
    /// The understanding the running bot uses with staff's decisions (LiveUnderstanding's rebuild, and the tests that
    /// measure it): <paramref name="contentBuilt"/> itself when they add nothing to learn, else built again with them,
    /// taking <paramref name="contentBuilt"/>'s entry model unless a letter was linked (then the model learns it too).
    /// </summary>
    public static QuestionUnderstanding Build(
        QuestionUnderstanding contentBuilt, UnderstandingData data, IEnumerable<Article> articles, IReadOnlyList<StaffWording> wordings,
        IClassifierStore? store, IContentStore? places)
    {
        ArgumentNullException.ThrowIfNull(contentBuilt);
        var taught = With(data, wordings, contentBuilt.IsLetter);
        return ReferenceEquals(taught, data) ? contentBuilt
            : QuestionUnderstanding.Build(taught, articles, store: store, places: places,
                entriesFrom: ReferenceEquals(taught.PracticeLetters, data.PracticeLetters) ? contentBuilt : null);
    }

    /// <param name="isLetter">Whether a text is a letter (the understanding built from content: <see cref="QuestionUnderstanding.IsLetter"/>).</param>
    public static UnderstandingData With(UnderstandingData data, IReadOnlyList<StaffWording> wordings, Func<string, bool> isLetter)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(wordings);
        ArgumentNullException.ThrowIfNull(isLetter);
        var topics = data.Topics.Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
        var faqs = data.Faqs.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var messages = wordings.Where(w => !isLetter(w.Text)).ToList();
        var examples = messages
            .Where(w => w.FaqId is null && w.Topic is { } topic && topics.Contains(topic))
            .Select(w => new ExampleQuestion(w.Topic!, w.Text, new SourceLocation(Origin, (int)w.Id, 1)))
            .ToList();
        var keywords = messages.Where(w => w.FaqId is { } id && faqs.Contains(id)).ToLookup(w => w.FaqId!, w => w.Text, StringComparer.Ordinal);
        var letters = wordings.Where(w => w.FaqId is { } id && faqs.Contains(id) && isLetter(w.Text))
            .Select(w => new PracticeLetter(new AnswerRef(AnswerRef.Faq, w.FaqId!), Voice, w.Text))
            .ToList();
        if (examples.Count == 0 && keywords.Count == 0 && letters.Count == 0)
        {
            return data;
        }

        return data with
        {
            Examples = [.. data.Examples, .. examples],
            Faqs = [.. data.Faqs.Select(f => keywords.Contains(f.Id) ? f with { Keywords = [.. f.Keywords, .. keywords[f.Id]] } : f)],
            PracticeLetters = letters.Count == 0 ? data.PracticeLetters : data.PracticeLetters.With(letters),
        };
    }
}
