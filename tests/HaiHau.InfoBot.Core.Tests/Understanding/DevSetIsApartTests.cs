using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The development set measures questions the classifier has not seen: none of its questions may also be a training
/// question (an example, an FAQ question or keyword) with the same words, nor share four fifths of its words with one.
/// </summary>
public sealed class DevSetIsApartTests
{
    // Each training wording folded and split once for the class (issue 15: building both word sets again for every
    // pair of question and wording made this the Core tests' longest class, 46 s of CPU in Release).
    private static readonly Lazy<IReadOnlyList<TrainingWording>> Training = new(() =>
    {
        var data = EngineHarness.Repo;
        var normalizer = data.Questions.Normalizer;
        return QuestionUnderstanding.TrainingQuestions(data.Understanding)
            .Select(t => new TrainingWording(VietnameseText.Fold(t.Text), normalizer.Tokens(t.Text).ToHashSet(StringComparer.Ordinal), t.Text, t.Where))
            .ToList();
    });

    [Fact]
    public void No_development_question_is_also_a_training_question()
    {
        var clashes = new List<string>();
        foreach (var item in DevSet.Load())
        {
            clashes.AddRange(Copies(item.Question).Select(t => $"devset.tsv line {item.Line} \"{item.Question}\" ≈ {t.Where} \"{t.Text}\""));
        }

        Assert.True(clashes.Count == 0, "the development set overlaps the training data:\n" + string.Join('\n', clashes));
    }

    /// <summary>The real evaluation set is held out the same way: no training wording may copy one of its questions.</summary>
    [Fact]
    public void No_real_set_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.RealSet(), "realset.tsv", "the real set");

    /// <summary>The fresh held-out set (Answers/freshset.tsv) likewise: no training wording may copy one of its questions.</summary>
    [Fact]
    public void No_fresh_set_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet(), "freshset.tsv", "the fresh set");

    /// <summary>The second held-out set (Answers/freshset2.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_2_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet2(), "freshset2.tsv", "the second fresh set");

    /// <summary>The third held-out set (Answers/freshset3.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_3_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet3(), "freshset3.tsv", "the third fresh set");

    /// <summary>The fourth held-out set (Answers/freshset4.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_4_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet4(), "freshset4.tsv", "the fourth fresh set");

    /// <summary>The fifth held-out set (Answers/freshset5.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_5_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet5(), "freshset5.tsv", "the fifth fresh set");

    /// <summary>The sixth held-out set (Answers/freshset6.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_6_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet6(), "freshset6.tsv", "the sixth fresh set");

    /// <summary>The seventh held-out set (Answers/freshset7.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_7_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet7(), "freshset7.tsv", "the seventh fresh set");

    /// <summary>The eighth held-out set (Answers/freshset8.tsv) likewise.</summary>
    [Fact]
    public void No_fresh_set_8_question_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.FreshSet8(), "freshset8.tsv", "the eighth fresh set");

    /// <summary>The chat-style held-out set (Answers/chatset.tsv) likewise.</summary>
    [Fact]
    public void No_chat_set_message_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.ChatSet(), "chatset.tsv", "the chat set");

    /// <summary>The second chat-style held-out set (Answers/chatset2.tsv) likewise.</summary>
    [Fact]
    public void No_second_chat_set_message_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.ChatSet2(), "chatset2.tsv", "the second chat set");

    /// <summary>The third and fourth chat-style sets (Answers/chatset3.tsv, chatset4.tsv) likewise.</summary>
    [Fact]
    public void No_third_or_fourth_chat_set_message_is_also_a_training_question()
    {
        AssertApart(Answers.AnswerSets.ChatSet3(), "chatset3.tsv", "the third chat set");
        AssertApart(Answers.AnswerSets.ChatSet4(), "chatset4.tsv", "the fourth chat set");
    }

    /// <summary>The fifth chat-style set (Answers/chatset5.tsv) likewise.</summary>
    [Fact]
    public void No_fifth_chat_set_message_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.ChatSet5(), "chatset5.tsv", "the fifth chat set");

    /// <summary>The sixth chat-style set (Answers/chatset6.tsv) likewise.</summary>
    [Fact]
    public void No_sixth_chat_set_message_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.ChatSet6(), "chatset6.tsv", "the sixth chat set");

    /// <summary>The seventh chat-style set (Answers/chatset7.tsv) likewise.</summary>
    [Fact]
    public void No_seventh_chat_set_message_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.ChatSet7(), "chatset7.tsv", "the seventh chat set");

    /// <summary>The eighth chat-style set (Answers/chatset8.tsv) likewise.</summary>
    [Fact]
    public void No_eighth_chat_set_message_is_also_a_training_question() =>
        AssertApart(Answers.AnswerSets.ChatSet8(), "chatset8.tsv", "the eighth chat set");

    private static void AssertApart(IEnumerable<Core.Understanding.Evaluation.AnswerSetRow> rows, string file, string name)
    {
        var clashes = new List<string>();
        foreach (var row in rows)
        {
            clashes.AddRange(Copies(row.Question).Select(t => $"{file} {row.Id} \"{row.Question}\" ≈ {t.Where} \"{t.Text}\""));
        }

        Assert.True(clashes.Count == 0, $"{name} overlaps the training data:\n" + string.Join('\n', clashes));
    }

    /// <summary>
    /// The training wordings <paramref name="question"/> copies: the same words, or nearly ("alo" against "xin chào"
    /// is the normaliser at work, not a copy): a Jaccard similarity of 0.8 or more between the word sets, for
    /// questions of four words or more.
    /// </summary>
    private static IEnumerable<TrainingWording> Copies(string question)
    {
        var normalizer = EngineHarness.Repo.Questions.Normalizer;
        var folded = VietnameseText.Fold(question);
        var tokens = normalizer.Tokens(question);
        var words = tokens.ToHashSet(StringComparer.Ordinal);
        return Training.Value.Where(t => folded == t.Folded || (tokens.Count >= 4 && Jaccard(words, t.Words) >= 0.8));
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private sealed record TrainingWording(string Folded, HashSet<string> Words, string Text, string Where);
}
