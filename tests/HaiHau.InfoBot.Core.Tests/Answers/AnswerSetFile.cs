using HaiHau.InfoBot.TestKit;

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

    private static readonly Lazy<HashSet<string>> Topics = new(() => RealsetFileTests.IdsIn(Path.Combine(RepoPaths.Content, "understanding", "topics.yaml")));
    private static readonly Lazy<HashSet<string>> Referrals = new(() => RealsetFileTests.IdsIn(Path.Combine(RepoPaths.Content, "referrals.yaml")));

    /// <summary>Asserts a question kept in a set or a letters file carries no phone number or e-mail address of its asker.</summary>
    public static void CheckNoContactDetails(string text)
    {
        Assert.DoesNotMatch(RealsetFileTests.PhoneNumber(), text);
        Assert.DoesNotMatch(RealsetFileTests.EmailAddress(), text);
    }

    /// <summary>Asserts one accepted answer of row <paramref name="id"/> is written the contract way and names content that exists.</summary>
    public static void CheckAcceptToken(string id, string token)
    {
        Assert.True(RealsetFileTests.AcceptToken().IsMatch(token), $"{id}: \"{token}\" is not an answer id");
        if (token.StartsWith("faq:", StringComparison.Ordinal) || token.StartsWith("article:", StringComparison.Ordinal))
        {
            Assert.True(File.Exists(RealsetFileTests.ContentFileOf(token)), $"{id}: no content file for {token}");
        }
        else if (token.StartsWith("topic:", StringComparison.Ordinal))
        {
            Assert.True(Topics.Value.Contains(token["topic:".Length..]), $"{id}: {token} is not in topics.yaml");
        }
        else if (token.StartsWith("refer:", StringComparison.Ordinal))
        {
            Assert.True(Referrals.Value.Contains(token["refer:".Length..]), $"{id}: {token} is not in referrals.yaml");
        }
    }
}
