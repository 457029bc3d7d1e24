using HaiHau.InfoBot.Core.Tests.Answers;

namespace HaiHau.InfoBot.Core.Tests.FollowUps;

/// <summary>The follow-up sets keep their contract: the header, seven columns, known kinds, answers that exist, no contact details.</summary>
public sealed class FollowUpSetFileTests
{
    private const string Header = "id\tfirst\tthen\taccept_first\taccept_then\tkind\tnote";

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "same", "other-person", "new", "reaction" };

    public static TheoryData<string> Files() => new(FollowUpSets.Paths.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_row_has_both_messages_a_known_kind_and_answers_that_exist(string file)
    {
        var path = Path.Combine(FollowUpSets.Folder, file);
        var lines = File.ReadAllLines(path);
        Assert.Equal(Header, lines[0]);
        Assert.All(lines.Skip(1).Select((line, i) => (Cells: line.Split('\t'), Number: i + 2)), row => Assert.True(row.Cells.Length == 7, $"line {row.Number}: {row.Cells.Length} columns"));

        var rows = FollowUpSets.Read(path);
        Assert.True(rows.Count >= FollowUpSets.MinimumRows(file), $"{rows.Count} conversations");
        Assert.All(rows, row =>
        {
            Assert.Contains(row.Kind, Kinds);
            AnswerSetFile.CheckNoContactDetails(row.First);
            AnswerSetFile.CheckNoContactDetails(row.Then);
            Assert.All(row.AcceptFirst.Concat(row.AcceptThen), token => AnswerSetFile.CheckAcceptToken(row.Id, token));
        });
    }

    [Fact]
    public void Ids_are_unique_across_the_sets()
    {
        var ids = FollowUpSets.Paths.SelectMany(FollowUpSets.Read).Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
