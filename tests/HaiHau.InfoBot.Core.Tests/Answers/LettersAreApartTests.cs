using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The letters the bot learns how people write from (content/understanding/letters.tsv) must come from pages none of
/// the answer sets uses and hold none of their questions: a set question among them would weigh its own words less
/// and make the set's figures say more than the bot can do on a letter it has never seen (issue 12's held-out check).
/// </summary>
public sealed partial class LettersAreApartTests
{
    // Twelve words in a row shared with a set question: quoted from it, not the same grammar by chance.
    private const int SharedRun = 12;

    private static readonly string LettersPath = Path.Combine(RepoPaths.Content, "understanding", "letters.tsv");

    public static TheoryData<string> Sets() => new(AnswerSets.InGatheredOrder.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Sets))]
    public void No_letter_comes_from_a_page_of_an_answer_set_or_quotes_one_of_its_questions(string set)
    {
        var rows = Rows(Path.Combine(Path.GetDirectoryName(AnswerSets.RealSetPath)!, set));
        var pages = rows.Select(r => Page(r.Source)).Where(p => p.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var runs = rows.SelectMany(r => Runs(r.Text)).ToHashSet(StringComparer.Ordinal);
        var letters = Letters();

        Assert.True(letters.Count >= 300, $"{letters.Count} letters");
        Assert.All(letters, l =>
        {
            Assert.False(pages.Contains(Page(l.Source)), $"{l.Source} is a page of {set}");
            Assert.False(Runs(l.Text).FirstOrDefault(runs.Contains) is { } quoted, $"{l.Source} quotes a question of {set}");
        });
    }

    /// <summary>
    /// The practice letters (content/understanding/practice-letters.tsv) were written by people who never opened the sets;
    /// this keeps it so: none quotes a set question, or the entry model would have learned that row's answer.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sets))]
    public void No_practice_letter_quotes_a_question_of_an_answer_set(string set)
    {
        var runs = Rows(Path.Combine(Path.GetDirectoryName(AnswerSets.RealSetPath)!, set)).SelectMany(r => Runs(r.Text)).ToHashSet(StringComparer.Ordinal);
        var practice = File.ReadAllLines(Path.Combine(RepoPaths.Content, "understanding", "practice-letters.tsv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')[2]).ToList();

        Assert.True(practice.Count >= 3000, $"{practice.Count} practice letters");
        Assert.All(practice, text => Assert.False(Runs(text).FirstOrDefault(runs.Contains) is { } quoted, $"«{text}» quotes a question of {set}"));
    }

    [Fact]
    public void Letters_carry_no_phone_number_or_email_of_the_asker()
    {
        Assert.All(Letters(), l => AnswerSetFile.CheckNoContactDetails(l.Text));
    }

    [Fact]
    public void A_quoted_question_is_caught()
    {
        var question = Rows(AnswerSets.FreshSet3Path).First(r => r.Text.Split(' ').Length > 2 * SharedRun).Text;
        var runs = Runs(question).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(Runs("Chào anh chị, " + question + " Cảm ơn."), runs.Contains);
        Assert.DoesNotContain(Runs(Letters()[0].Text), runs.Contains);
    }

    private static List<(string Source, string Text)> Letters() =>
        File.ReadAllLines(LettersPath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => (c[0], c[1])).ToList();

    // An answer set's row: id, kind, question, accept, source, note.
    private static List<(string Source, string Text)> Rows(string set) =>
        File.ReadAllLines(set).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => (c[4], c[2])).ToList();

    private static IEnumerable<string> Runs(string text)
    {
        var words = NotAWord().Split(VietnameseText.Fold(text)).Where(w => w.Length > 0).ToArray();
        for (var i = 0; i + SharedRun <= words.Length; i++)
        {
            yield return string.Join(' ', words, i, SharedRun);
        }
    }

    // The same page with or without "www.", "m.", "http" or a trailing slash (a query names the page on some sites).
    private static string Page(string source) =>
        Uri.TryCreate(source.Trim(), UriKind.Absolute, out var uri) ? SitePrefix().Replace(uri.Host, "") + uri.PathAndQuery.TrimEnd('/') : "";

    [GeneratedRegex(@"^(?:www\.|m\.)", RegexOptions.IgnoreCase)]
    private static partial Regex SitePrefix();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotAWord();
}
