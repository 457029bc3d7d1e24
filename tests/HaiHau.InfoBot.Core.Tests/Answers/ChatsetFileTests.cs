using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The chat-style held-out set (Answers/chatset.tsv) stays usable and apart: the contract format, at least 100 chat
/// messages with ch- ids and no source, each message once, no phone number or e-mail, every label an answer that
/// exists, and no message that is, once folded (lower case, no diacritics, no punctuation), a question of the real set
/// or of the fresh held-out sets: a message already measured there would not say whether the bot generalises.
/// </summary>
public sealed partial class ChatsetFileTests
{
    private const int MinimumRows = 100;

    private static string FilePath => AnswerSets.ChatSetPath;

    private static readonly Lazy<IReadOnlyList<AnswerSetRow>> Rows = new(() => AnswerSet.Parse(File.ReadAllLines(FilePath)));

    private static readonly string[] OtherSets =
    [
        AnswerSets.RealSetPath, AnswerSets.FreshSetPath, AnswerSets.FreshSet2Path, AnswerSets.FreshSet3Path, AnswerSets.FreshSet4Path,
    ];

    [Fact]
    public void The_file_starts_with_the_contract_header_and_every_row_has_six_filled_columns()
    {
        var lines = AnswerSetFile.CheckHeaderAndColumns(FilePath);
        Assert.Equal(lines.Length - 1, Rows.Value.Count);
    }

    [Fact]
    public void Rows_are_chat_messages_with_unique_ids_of_the_set_no_source_and_enough_of_them()
    {
        var rows = Rows.Value;
        var sources = File.ReadAllLines(FilePath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[4]).ToList();

        Assert.True(rows.Count >= MinimumRows, $"{rows.Count} messages, at least {MinimumRows} expected");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(ChatId(), r.Id));
        Assert.All(rows, r => Assert.Equal("chat", r.Kind));
        Assert.All(sources, s => Assert.Equal("-", s));
    }

    [Fact]
    public void Each_message_is_asked_once()
    {
        Assert.Empty(Rows.Value.GroupBy(r => Folded(r.Question), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void No_message_is_a_question_of_the_real_set_or_of_a_fresh_set()
    {
        var earlier = OtherSets
            .SelectMany(path => AnswerSet.Parse(File.ReadAllLines(path)).Select(r => (Set: Path.GetFileName(path), Folded: Folded(r.Question))))
            .GroupBy(x => x.Folded, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Set, StringComparer.Ordinal);

        Assert.True(earlier.Count > 0);
        Assert.All(Rows.Value, r => Assert.False(
            earlier.TryGetValue(Folded(r.Question), out var set), $"{r.Id}: \"{r.Question}\" is already a question of {set}"));
    }

    [Fact]
    public void Messages_carry_no_phone_number_or_email()
    {
        Assert.All(Rows.Value, r =>
        {
            Assert.DoesNotMatch(RealsetFileTests.PhoneNumber(), r.Question);
            Assert.DoesNotMatch(RealsetFileTests.EmailAddress(), r.Question);
        });
    }

    [Fact]
    public void Every_accepted_answer_is_written_the_contract_way_and_exists_in_content() =>
        Assert.All(Rows.Value, r =>
        {
            Assert.NotEmpty(r.Accept);
            Assert.All(r.Accept, token => AnswerSetFile.CheckAcceptToken(r.Id, token));
        });

    [Fact]
    public void A_message_differing_only_in_case_diacritics_and_punctuation_folds_to_the_same_words()
    {
        Assert.Equal(Folded("Hộ nghèo có được vay vốn không?"), Folded("ho ngheo, co duoc vay von khong"));
        Assert.NotEqual(Folded("ho ngheo co duoc vay von khong"), Folded("ho can ngheo co duoc vay von khong"));
    }

    // Lower case, no diacritics (đ → d), every punctuation mark (the fold keeps "/") a word boundary.
    private static string Folded(string text) => string.Join(' ', VietnameseText.Fold(text).Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^ch-\d{3}$")]
    private static partial Regex ChatId();
}
