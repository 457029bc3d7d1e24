using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// The checks every chat-style held-out set (Answers/chatset.tsv, chatset2.tsv) shares: the contract format, enough chat
/// messages with the set's ids and no source, each message once, no phone number or e-mail, every label an answer that
/// exists, and no message that is, once folded (lower case, no diacritics, no punctuation), a question of an earlier set:
/// a message already measured there would not say whether the bot generalises. Each set is a sealed subclass naming its
/// file, its id pattern, its floor and the sets it must stay apart from.
/// </summary>
public abstract class ChatStyleSetFileTests
{
    /// <summary>The set's file.</summary>
    protected abstract string FilePath { get; }

    /// <summary>What every id of the set looks like.</summary>
    protected abstract Regex IdPattern { get; }

    /// <summary>The floor: the test fails if rows are lost.</summary>
    protected abstract int MinimumRows { get; }

    /// <summary>The earlier sets whose questions no message may repeat.</summary>
    protected abstract IReadOnlyList<string> OtherSets { get; }

    private IReadOnlyList<AnswerSetRow> Rows => AnswerSet.Parse(File.ReadAllLines(FilePath));

    [Fact]
    public void The_file_starts_with_the_contract_header_and_every_row_has_six_filled_columns()
    {
        var lines = AnswerSetFile.CheckHeaderAndColumns(FilePath);
        Assert.Equal(lines.Length - 1, Rows.Count);
    }

    [Fact]
    public void Rows_are_chat_messages_with_unique_ids_of_the_set_no_source_and_enough_of_them()
    {
        var rows = Rows;
        var sources = File.ReadAllLines(FilePath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[4]).ToList();

        Assert.True(rows.Count >= MinimumRows, $"{rows.Count} messages, at least {MinimumRows} expected");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rows, r => Assert.Matches(IdPattern, r.Id));
        Assert.All(rows, r => Assert.Equal("chat", r.Kind));
        Assert.All(sources, s => Assert.Equal("-", s));
    }

    [Fact]
    public void Each_message_is_asked_once()
    {
        Assert.Empty(Rows.GroupBy(r => Folded(r.Question), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void No_message_is_a_question_of_the_real_set_or_of_a_fresh_set()
    {
        var earlier = OtherSets
            .SelectMany(path => AnswerSet.Parse(File.ReadAllLines(path)).Select(r => (Set: Path.GetFileName(path), Folded: Folded(r.Question))))
            .GroupBy(x => x.Folded, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Set, StringComparer.Ordinal);

        Assert.True(earlier.Count > 0);
        Assert.All(Rows, r => Assert.False(
            earlier.TryGetValue(Folded(r.Question), out var set), $"{r.Id}: \"{r.Question}\" is already a question of {set}"));
    }

    [Fact]
    public void Messages_carry_no_phone_number_or_email()
    {
        Assert.All(Rows, r => AnswerSetFile.CheckNoContactDetails(r.Question));
    }

    [Fact]
    public void Every_accepted_answer_is_written_the_contract_way_and_exists_in_content() =>
        Assert.All(Rows, r =>
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

}
