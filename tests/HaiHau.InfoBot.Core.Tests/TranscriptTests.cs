using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests;

/// <summary>
/// Every Transcripts/*.chat file is replayed through the real engine and a real SQLite file; the bot's lines must
/// match. Run with UPDATE_TRANSCRIPTS=1 to rewrite them after an intended change, then read the diff.
/// </summary>
public sealed class TranscriptTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Transcripts");

    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(Folder, "*.chat").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Conversation_goes_as_written(string file)
    {
        var path = Path.Combine(Folder, file);
        var expected = (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var actual = await Transcript.RunAsync(expected);
        if (Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_dialog_is_shown_in_some_transcript()
    {
        var all = string.Join("\n", Directory.EnumerateFiles(Folder, "*.chat").Select(File.ReadAllText));
        var data = EngineHarness.Repo;
        foreach (var dialog in data.Dialogs.All)
        {
            // Something only this dialog says: a prompt, a text, or the title of an article it shows.
            var marks = dialog.Nodes.Values.SelectMany(node => node switch
            {
                Dialogs.PromptNode prompt => [prompt.Text],
                Dialogs.Nodes.SayNode say => [say.Text],
                Dialogs.Nodes.EndNode { Text: { } text } => [text],
                Dialogs.Nodes.ShowArticleNode show => [data.Content.FindArticle(show.Article.Id)!.Title.ToUpperInvariant()],
                _ => Array.Empty<string>(),
            }).Select(t => t.Split('{')[0].Trim()).Where(t => t.Length > 10).ToList();
            Assert.True(marks.Any(m => all.Contains(m, StringComparison.Ordinal)), $"no transcript goes through dialog \"{dialog.Id}\"");
        }
    }
}
