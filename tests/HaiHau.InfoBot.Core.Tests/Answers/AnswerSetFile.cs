namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>The file contract every answer set shares (the real set and the held-out sets): one check, not one per set.</summary>
internal static class AnswerSetFile
{
    public const string Header = "id\tkind\tquestion\taccept\tsource\tnote";

    /// <summary>Asserts the contract header and six columns per row, the first five filled; returns the file's lines.</summary>
    public static string[] CheckHeaderAndColumns(string path)
    {
        var lines = File.ReadAllLines(path);

        Assert.Equal(Header, lines[0]);
        Assert.All(lines.Skip(1).Select((line, index) => (line, number: index + 2)), item =>
        {
            var cells = item.line.Split('\t');
            Assert.True(cells.Length == 6, $"line {item.number} has {cells.Length} columns");
            Assert.True(cells.Take(5).All(c => c.Trim().Length > 0), $"line {item.number} has an empty id, kind, question, accept or source");
        });
        return lines;
    }
}
