using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The checks every held-out set of issue 12 (Answers/freshset.tsv, freshset2.tsv) shares: the contract format, real
/// questions with ids of the set and enough of them, each question and page once, every page an http(s) address that
/// none of the earlier sets uses and none of their questions again, no phone number or e-mail of the asker, and every
/// label an answer that exists. A held-out set that repeated an earlier set's page or question would not say whether
/// the figures generalise. Each set is a sealed subclass naming its file, its id pattern, its floor and the sets it
/// must stay apart from.
/// </summary>
public abstract partial class HeldOutSetFileTests
{

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Row>> Cache = new(StringComparer.Ordinal);

    /// <summary>The set's file.</summary>
    protected abstract string FilePath { get; }

    /// <summary>What every id of the set looks like.</summary>
    protected abstract Regex IdPattern { get; }

    /// <summary>Issue 12 asked for at least 100 new real questions a set; the floor fails the test if rows are lost.</summary>
    protected virtual int MinimumRows => 100;

    /// <summary>The earlier sets whose pages and questions this set must not use.</summary>
    protected abstract IReadOnlyList<string> EarlierSets { get; }

    private IReadOnlyList<Row> Rows => RowsOf(FilePath);

    [Fact]
    public void The_file_starts_with_the_contract_header_and_every_row_has_six_filled_columns()
    {
        var lines = AnswerSetFile.CheckHeaderAndColumns(FilePath);
        Assert.Equal(lines.Length - 1, AnswerSet.Parse(lines).Count);
    }

    [Fact]
    public void Rows_are_real_questions_with_unique_ids_of_the_set_and_enough_of_them()
    {
        var rows = Rows;

        Assert.True(rows.Count >= MinimumRows, $"{rows.Count} questions, at least {MinimumRows} expected");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(IdPattern, r.Id));
        Assert.All(rows, r => Assert.Equal("real", r.Kind));
    }

    [Fact]
    public void Each_question_and_each_page_appears_once()
    {
        Assert.Empty(Rows.GroupBy(r => r.Question, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Rows.GroupBy(r => Page(r.Source), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_question_keeps_an_http_page_and_wording_that_the_earlier_sets_do_not_use()
    {
        var earlier = EarlierSets.SelectMany(RowsOf).ToList();
        var earlierPages = earlier.Where(r => r.Source != "-").Select(r => Page(r.Source)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var earlierQuestions = earlier.Select(r => r.Question).ToHashSet(StringComparer.Ordinal);
        var earlierFiles = string.Join(", ", EarlierSets.Select(Path.GetFileName));

        Assert.NotEmpty(earlier);
        Assert.All(Rows, r =>
        {
            Assert.True(
                Uri.TryCreate(r.Source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{r.Id}: source \"{r.Source}\" is not an http(s) address");
            Assert.False(earlierPages.Contains(Page(r.Source)), $"{r.Id}: {r.Source} is already a source of {earlierFiles}");
            Assert.False(earlierQuestions.Contains(r.Question), $"{r.Id}: the question is already in {earlierFiles}");
        });
    }

    [Fact]
    public void Questions_carry_no_phone_number_or_email_of_the_asker()
    {
        Assert.All(Rows, r => AnswerSetFile.CheckNoContactDetails(r.Question));
    }

    [Fact]
    public void Every_accepted_answer_is_written_the_contract_way_and_exists_in_content() =>
        Assert.All(Rows, r => Assert.All(r.Accept, token => AnswerSetFile.CheckAcceptToken(r.Id, token)));

    // The same page with or without "www.", "m." or a trailing slash.
    private static string Page(string source) => PageKey().Replace(source.Trim(), "").TrimEnd('/');

    private static IReadOnlyList<Row> RowsOf(string path) =>
        Cache.GetOrAdd(path, p => File.ReadAllLines(p).Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            return new Row(cells[0], cells[1], cells[2], cells[3].Split(' ', StringSplitOptions.RemoveEmptyEntries), cells[4]);
        }).ToList());

    [GeneratedRegex(@"^https?://(?:www\.|m\.)?", RegexOptions.IgnoreCase)]
    private static partial Regex PageKey();

    private sealed record Row(string Id, string Kind, string Question, IReadOnlyList<string> Accept, string Source);
}
