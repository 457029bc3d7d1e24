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
    [Fact]
    public void No_development_question_is_also_a_training_question()
    {
        var data = EngineHarness.Repo;
        var normalizer = data.Questions.Normalizer;
        var training = QuestionUnderstanding.TrainingQuestions(data.Understanding)
            .Select(t => (Folded: VietnameseText.Fold(t.Text), Tokens: normalizer.Tokens(t.Text), t.Text, t.Where))
            .ToList();

        var clashes = new List<string>();
        foreach (var item in DevSet.Load())
        {
            var folded = VietnameseText.Fold(item.Question);
            var tokens = normalizer.Tokens(item.Question);
            foreach (var (trainingFolded, trainingTokens, text, where) in training)
            {
                // The same words, or nearly: "alo" against "xin chào" is the normaliser at work, not a copy.
                if (folded == trainingFolded || (tokens.Count >= 4 && Jaccard(tokens, trainingTokens) >= 0.8))
                {
                    clashes.Add($"devset.tsv line {item.Line} \"{item.Question}\" ≈ {where} \"{text}\"");
                }
            }
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

    private static void AssertApart(IEnumerable<Core.Understanding.Evaluation.AnswerSetRow> rows, string file, string name)
    {
        var data = EngineHarness.Repo;
        var normalizer = data.Questions.Normalizer;
        var training = QuestionUnderstanding.TrainingQuestions(data.Understanding)
            .Select(t => (Folded: VietnameseText.Fold(t.Text), Tokens: normalizer.Tokens(t.Text), t.Text, t.Where))
            .ToList();
        var clashes = new List<string>();
        foreach (var row in rows)
        {
            var folded = VietnameseText.Fold(row.Question);
            var tokens = normalizer.Tokens(row.Question);
            clashes.AddRange(training
                .Where(t => folded == t.Folded || (tokens.Count >= 4 && Jaccard(tokens, t.Tokens) >= 0.8))
                .Select(t => $"{file} {row.Id} \"{row.Question}\" ≈ {t.Where} \"{t.Text}\""));
        }

        Assert.True(clashes.Count == 0, $"{name} overlaps the training data:\n" + string.Join('\n', clashes));
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var setA = a.ToHashSet(StringComparer.Ordinal);
        var setB = b.ToHashSet(StringComparer.Ordinal);
        return setA.Intersect(setB).Count() / (double)setA.Union(setB).Count();
    }
}
