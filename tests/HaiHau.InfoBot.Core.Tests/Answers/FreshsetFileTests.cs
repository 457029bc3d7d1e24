using System.Text.RegularExpressions;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The second, held-out set of issue 12 (Answers/freshset.tsv) is checked the way the real set is: same contract
/// format, every label names an answer that exists, every question keeps its public page. It must also stay apart from
/// the real set (no page or question of the real set again), or it would not say whether the figures generalise.
/// </summary>
public sealed partial class FreshsetFileTests
{
    // Issue 12's brief asked for at least 100 new real questions; the floor fails the test if rows are lost.
    private const int MinimumRows = 100;
    private const string Header = "id\tkind\tquestion\taccept\tsource\tnote";

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(() => ReadRows(AnswerSets.FreshSetPath));
    private static readonly Lazy<IReadOnlyList<Row>> RealRows = new(() => ReadRows(AnswerSets.RealSetPath));

    [Fact]
    public void The_file_starts_with_the_contract_header_and_every_row_has_six_filled_columns()
    {
        var lines = File.ReadAllLines(AnswerSets.FreshSetPath);

        Assert.Equal(Header, lines[0]);
        Assert.All(lines.Skip(1).Select((line, index) => (line, number: index + 2)), item =>
        {
            var cells = item.line.Split('\t');
            Assert.True(cells.Length == 6, $"line {item.number} has {cells.Length} columns");
            Assert.True(cells.Take(5).All(c => c.Trim().Length > 0), $"line {item.number} has an empty id, kind, question, accept or source");
        });
        Assert.Equal(lines.Length - 1, AnswerSets.FreshSet().Count);
    }

    [Fact]
    public void Rows_are_real_questions_with_unique_f_ids_and_enough_of_them()
    {
        var rows = Rows.Value;

        Assert.True(rows.Count >= MinimumRows, $"{rows.Count} questions, at least {MinimumRows} expected");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(FreshId(), r.Id));
        Assert.All(rows, r => Assert.Equal("real", r.Kind));
    }

    [Fact]
    public void Each_question_and_each_page_appears_once()
    {
        Assert.Empty(Rows.Value.GroupBy(r => r.Question, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Rows.Value.GroupBy(r => Page(r.Source), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_question_keeps_an_http_page_that_the_real_set_does_not_use()
    {
        var realPages = RealRows.Value.Where(r => r.Source != "-").Select(r => Page(r.Source)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var realQuestions = RealRows.Value.Select(r => r.Question).ToHashSet(StringComparer.Ordinal);

        Assert.All(Rows.Value, r =>
        {
            Assert.True(
                Uri.TryCreate(r.Source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{r.Id}: source \"{r.Source}\" is not an http(s) address");
            Assert.False(realPages.Contains(Page(r.Source)), $"{r.Id}: {r.Source} is already a real-set source");
            Assert.False(realQuestions.Contains(r.Question), $"{r.Id}: the question is already in the real set");
        });
    }

    [Fact]
    public void Questions_carry_no_phone_number_or_email_of_the_asker()
    {
        Assert.All(Rows.Value, r =>
        {
            Assert.DoesNotMatch(RealsetFileTests.PhoneNumber(), r.Question);
            Assert.DoesNotMatch(RealsetFileTests.EmailAddress(), r.Question);
        });
    }

    [Fact]
    public void Every_accepted_answer_is_written_the_contract_way_and_exists_in_content()
    {
        var topics = RealsetFileTests.IdsIn(Path.Combine(RepoPaths.Content, "understanding", "topics.yaml"));
        var referrals = RealsetFileTests.IdsIn(Path.Combine(RepoPaths.Content, "referrals.yaml"));

        Assert.All(Rows.Value, r => Assert.All(r.Accept, token =>
        {
            Assert.True(RealsetFileTests.AcceptToken().IsMatch(token), $"{r.Id}: \"{token}\" is not an answer id");
            if (token.StartsWith("faq:", StringComparison.Ordinal) || token.StartsWith("article:", StringComparison.Ordinal))
            {
                Assert.True(File.Exists(RealsetFileTests.ContentFileOf(token)), $"{r.Id}: no content file for {token}");
            }
            else if (token.StartsWith("topic:", StringComparison.Ordinal))
            {
                Assert.True(topics.Contains(token["topic:".Length..]), $"{r.Id}: {token} is not in topics.yaml");
            }
            else if (token.StartsWith("refer:", StringComparison.Ordinal))
            {
                Assert.True(referrals.Contains(token["refer:".Length..]), $"{r.Id}: {token} is not in referrals.yaml");
            }
        }));
    }

    // The same page with or without "www." or a trailing slash.
    private static string Page(string source) => PageKey().Replace(source.Trim(), "").TrimEnd('/');

    private static List<Row> ReadRows(string path) =>
        File.ReadAllLines(path).Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            return new Row(cells[0], cells[1], cells[2], cells[3].Split(' ', StringSplitOptions.RemoveEmptyEntries), cells[4]);
        }).ToList();

    private sealed record Row(string Id, string Kind, string Question, IReadOnlyList<string> Accept, string Source);

    [GeneratedRegex(@"^f\d{3}$")]
    private static partial Regex FreshId();

    [GeneratedRegex(@"^https?://(?:www\.|m\.)?", RegexOptions.IgnoreCase)]
    private static partial Regex PageKey();
}
