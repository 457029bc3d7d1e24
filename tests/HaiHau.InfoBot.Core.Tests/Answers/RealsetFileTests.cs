using System.Text.RegularExpressions;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The evaluation set of issue 12 (Answers/realset.tsv, format fixed by the content contract) stays usable: every row
/// parses, every real question keeps the page it came from, and every label names an answer that exists, so
/// `eval answers` measures the bot against answers it can actually give.
/// </summary>
public sealed partial class RealsetFileTests
{
    // Issue 12 asks for at least 300 real questions (see Answers/README.md); the floor is that target, so the test fails
    // if rows are lost. Raise it when more real questions are added.
    private const int MinimumRealRows = 300;
    // 175 were written; 41 that near-copied an FAQ question or training example were dropped (leakage); 21 more (c176–c196,
    // outside questions, handoff, household numbers, listings searches) bring the set to the issue's 150.
    private const int MinimumChatRows = 150;
    private static readonly string[] Kinds = ["real", "chat"];

    private static string FilePath => AnswerSets.RealSetPath;

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(ReadRows);

    [Fact]
    public void The_file_starts_with_the_contract_header_and_every_row_has_six_filled_columns()
    {
        AnswerSetFile.CheckHeaderAndColumns(FilePath);
    }

    [Fact]
    public void Ids_are_unique_and_say_the_kind_of_question()
    {
        var rows = Rows.Value;

        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(r.Kind == "real" ? RealId() : ChatId(), r.Id));
        Assert.All(rows, r => Assert.Contains(r.Kind, Kinds));
    }

    [Fact]
    public void Each_question_is_asked_once()
    {
        var repeated = Rows.Value.GroupBy(r => r.Question, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(repeated);
    }

    [Fact]
    public void Real_questions_keep_the_public_page_they_came_from_and_chat_messages_have_none()
    {
        var real = Rows.Value.Where(r => r.Kind == "real").ToList();
        var chat = Rows.Value.Where(r => r.Kind == "chat").ToList();

        Assert.True(real.Count >= MinimumRealRows, $"{real.Count} real questions, at least {MinimumRealRows} expected");
        Assert.True(chat.Count >= MinimumChatRows, $"{chat.Count} chat messages, at least {MinimumChatRows} expected");
        Assert.All(real, r => Assert.True(
            Uri.TryCreate(r.Source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            $"{r.Id}: source \"{r.Source}\" is not an http(s) address"));
        Assert.All(chat, r => Assert.Equal("-", r.Source));
    }

    [Fact]
    public void Questions_carry_no_phone_number_or_email_of_the_asker()
    {
        Assert.All(Rows.Value, r => AnswerSetFile.CheckNoContactDetails(r.Question));
    }

    [Fact]
    public void Every_accepted_answer_is_written_the_contract_way()
    {
        Assert.All(Rows.Value, r => Assert.All(r.Accept, token => Assert.True(AcceptToken().IsMatch(token), $"{r.Id}: \"{token}\" is not an answer id")));
    }

    [Fact]
    public void Every_accepted_faq_entry_and_article_exists_in_content()
    {
        var missing = Rows.Value
            .SelectMany(r => r.Accept.Select(token => (r.Id, token)))
            .Where(x => x.token.StartsWith("faq:", StringComparison.Ordinal) || x.token.StartsWith("article:", StringComparison.Ordinal))
            .Where(x => !File.Exists(ContentFileOf(x.token)))
            .Select(x => $"{x.Id}: {x.token}")
            .ToList();

        Assert.True(missing.Count == 0, "no content file for " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_accepted_topic_and_referral_is_one_the_content_defines()
    {
        var topics = IdsIn(Path.Combine(RepoPaths.Content, "understanding", "topics.yaml"));
        var referrals = IdsIn(Path.Combine(RepoPaths.Content, "referrals.yaml"));

        Assert.All(Rows.Value, r => Assert.All(r.Accept, token =>
        {
            if (token.StartsWith("topic:", StringComparison.Ordinal))
            {
                Assert.True(topics.Contains(token["topic:".Length..]), $"{r.Id}: {token} is not in topics.yaml");
            }
            else if (token.StartsWith("refer:", StringComparison.Ordinal))
            {
                Assert.True(referrals.Contains(token["refer:".Length..]), $"{r.Id}: {token} is not in referrals.yaml");
            }
        }));
    }

    internal static string ContentFileOf(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var folder = token[..colon] == "faq" ? "faq" : "articles";
        return Path.Combine(RepoPaths.Content, folder, token[(colon + 1)..] + ".md");
    }

    // The ids of a content list file ("  - id: x" items); reading the file keeps the content the only place they are named.
    internal static HashSet<string> IdsIn(string yamlFile) =>
        File.ReadLines(yamlFile).Select(line => ListItemId().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    private static List<Row> ReadRows() =>
        File.ReadAllLines(FilePath).Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            return new Row(cells[0], cells[1], cells[2], cells[3].Split(' ', StringSplitOptions.RemoveEmptyEntries), cells[4]);
        }).ToList();

    private sealed record Row(string Id, string Kind, string Question, IReadOnlyList<string> Accept, string Source);

    [GeneratedRegex(@"^r\d{3}$")]
    private static partial Regex RealId();

    [GeneratedRegex(@"^c\d{3}$")]
    private static partial Regex ChatId();

    [GeneratedRegex(@"^(?:(?:faq|article):[a-z0-9]+(?:-[a-z0-9]+)*|topic:[a-z_]+|refer:[a-z]+(?:-[a-z]+)*|screener|listings:(?:jobs|courses))$")]
    internal static partial Regex AcceptToken();

    [GeneratedRegex(@"^\s*-\s*id:\s*([A-Za-z0-9_-]+)\s*$")]
    internal static partial Regex ListItemId();

    // Vietnamese phone numbers: 0 + 9 digits, optionally grouped by spaces or dots; a masked "0907***" counts too.
    [GeneratedRegex(@"(?<!\d)0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?!\d)|(?<!\d)0\d{3}\*{3}")]
    internal static partial Regex PhoneNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    internal static partial Regex EmailAddress();
}
