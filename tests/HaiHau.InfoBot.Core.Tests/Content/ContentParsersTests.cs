using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Content;

/// <summary>
/// What the content's YAML and Markdown parsed to is kept beside the model cache and read back by the next load
/// (issue 15): the same data, the same problem locations, nothing parsed; a changed text, a torn file or broken
/// content never gets an old result.
/// </summary>
public sealed class ContentParsersTests : IDisposable
{
    private const string Yaml = """
        id: vi-du
        title: "Ví dụ"
        keywords: [bhyt, "thẻ bảo hiểm"]
        empty:
        nested:
          - { a: 1, b: ~ }
          - plain
        """;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_snapshot_gives_back_the_same_trees_and_chat_text_without_parsing()
    {
        var first = ContentParsers.Remembering(null);
        var tree = first.Yaml(Yaml, "content/vi-du.md", [], lineOffset: 1);
        var chat = first.Markdown("Bác **nhớ** mang:\n\n- căn cước\n- [sổ hộ nghèo](https://example.invalid)", "content/vi-du.md");

        var second = ContentParsers.Remembering(first.Snapshot());
        var again = second.Yaml(Yaml, "content/vi-du.md", [], lineOffset: 1);
        var chatAgain = second.Markdown("Bác **nhớ** mang:\n\n- căn cước\n- [sổ hộ nghèo](https://example.invalid)", "content/vi-du.md");

        Assert.Equal(2, first.Parsed);
        Assert.Equal(0, second.Parsed);
        Assert.Equal(Flatten(tree!), Flatten(again!));
        Assert.Contains("content/vi-du.md:5:1=empty: content/vi-du.md:5:7=null", Flatten(again!), StringComparison.Ordinal); // line 4 of the text, offset 1
        Assert.Equal("Bác nhớ mang:\n\n• căn cước\n• sổ hộ nghèo (https://example.invalid)", chatAgain);
        Assert.Equal(chat, chatAgain);
    }

    [Fact]
    public void A_changed_text_another_file_or_line_offset_is_parsed_again()
    {
        var snapshot = ContentParsers.Remembering(null);
        snapshot.Yaml(Yaml, "content/vi-du.md", []);
        var bytes = snapshot.Snapshot();

        var later = ContentParsers.Remembering(bytes);
        var changed = later.Yaml(Yaml.Replace("Ví dụ", "Ví dụ khác", StringComparison.Ordinal), "content/vi-du.md", []);
        var moved = later.Yaml(Yaml, "content/khac.md", []);
        var shifted = later.Yaml(Yaml, "content/vi-du.md", [], lineOffset: 2);

        Assert.Equal(3, later.Parsed);
        Assert.Equal("Ví dụ khác", ((DataMap)changed!).Get("title") is DataScalar { Value: var title } ? title : null);
        Assert.Equal("content/khac.md", moved!.Location.File);
        Assert.Equal(3, shifted!.Location.Line);
    }

    [Theory]
    [InlineData("torn")]
    [InlineData("foreign")]
    [InlineData("garbage")]
    public void A_torn_or_foreign_snapshot_is_no_snapshot(string damage)
    {
        var first = ContentParsers.Remembering(null);
        var tree = first.Yaml(Yaml, "content/vi-du.md", []);
        var bytes = first.Snapshot();
        bytes = damage switch
        {
            "torn" => bytes[..(bytes.Length / 2)],
            "foreign" => [.. "PK\u0003\u0004"u8, .. bytes[4..]],
            _ => [.. bytes, 0x42],
        };

        var second = ContentParsers.Remembering(bytes);
        var again = second.Yaml(Yaml, "content/vi-du.md", []);

        Assert.Equal(1, second.Parsed);
        Assert.Equal(Flatten(tree!), Flatten(again!));
    }

    [Fact]
    public void The_repository_content_loads_the_same_from_its_snapshot_and_the_snapshot_is_not_rewritten()
    {
        var cache = Path.Combine(_folder.Path, "cache");
        var fresh = BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content, new ClassifierFileStore(cache));
        var snapshot = Assert.Single(Directory.GetFiles(cache, "parsed-*.bin"));
        var written = File.GetLastWriteTimeUtc(snapshot);
        File.SetLastWriteTimeUtc(snapshot, written.AddMinutes(-5)); // a rewrite would move it forward again

        var fromSnapshot = BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content, new ClassifierFileStore(cache));

        Assert.True(fromSnapshot.IsValid, string.Join("\n", fromSnapshot.Problems));
        Assert.Equal(Fingerprint(fresh), Fingerprint(fromSnapshot));
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(snapshot));
    }

    [Fact]
    public void Broken_content_is_never_kept_and_an_edit_is_read_from_the_file()
    {
        var content = RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(_folder.Path, "content"));
        var cache = Path.Combine(_folder.Path, "cache");
        var faq = Path.Combine(content, "faq", "bhxh-o-dau.md");
        var original = File.ReadAllText(faq);
        File.WriteAllText(faq, original.Replace("question:", "question: [", StringComparison.Ordinal));

        var broken = BotDataLoader.Load(RepoPaths.Dialogs, content, new ClassifierFileStore(cache));
        Assert.Contains(broken.Problems, p => p.ToString().StartsWith("content/faq/bhxh-o-dau.md:2:1", StringComparison.Ordinal)
            && p.ToString().Contains("YAML syntax", StringComparison.Ordinal)); // reported, not thrown
        Assert.Empty(Directory.Exists(cache) ? Directory.GetFiles(cache, "parsed-*.bin") : []);

        File.WriteAllText(faq, original.Replace("Bác hỏi đại lý thu ở xã", "Bác mang căn cước, hỏi đại lý thu ở xã", StringComparison.Ordinal));
        var edited = BotDataLoader.Load(RepoPaths.Dialogs, content, new ClassifierFileStore(cache));

        Assert.True(edited.IsValid, string.Join("\n", edited.Problems));
        Assert.Contains("Bác mang căn cước, hỏi đại lý thu ở xã", edited.Understanding.Faqs.Single(f => f.Id == "bhxh-o-dau").Answer, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cache, "parsed-*.bin"));
    }

    private static string Flatten(DataNode node) => node switch
    {
        DataScalar s => $"{s.Location}={(s.IsNull ? "null" : s.Value)}",
        DataList l => $"{l.Location}[{string.Join(", ", l.Items.Select(Flatten))}]",
        DataMap m => $"{m.Location}{{{string.Join(", ", m.Entries.Select(e => Flatten(e.Key) + ": " + Flatten(e.Value)))}}}",
        _ => node.ToString(),
    };

    private static List<string> Fingerprint(BotData data) =>
    [
        .. data.Dialogs.All.Select(d => $"{d.Id} {d.Title} {d.Location} {string.Join(",", d.Nodes.Keys)}"),
        .. data.Content.Articles.Select(a => $"{a.Id} {a.Title} {a.Location} {string.Join(",", a.Keywords)}\n{a.Body}"),
        .. data.Content.Facts.Select(f => $"{f.Key} {f.Label} {f.Location} {f.Values.Count}"),
        .. data.Understanding.Faqs.Select(f => $"{f.Id} {f.Question} {f.Location} {string.Join(",", f.Keywords)}\n{f.Answer}"),
        .. data.Understanding.Examples.Select(e => $"{e.Topic} {e.Text} {e.Location}"),
    ];
}
