using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Content;

/// <summary>The loader over whole folders: the repository's own data, and broken copies of it.</summary>
public sealed class BotDataLoaderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_repository_dialogs_and_content_are_valid()
    {
        var data = BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content);

        Assert.True(data.IsValid, string.Join("\n", data.Problems));
        Assert.Equal(8, data.Content.Communes.Count);
        Assert.Equal(8 + 24 + 10, data.Content.Units.Count);
        Assert.Equal(3, data.Content.Units.Count(c => c.Area == AreaKind.Urban && c.IsTown));
        Assert.All(data.Content.Articles, a => Assert.NotEmpty(a.Sources));
    }

    [Theory]
    [InlineData("Hải Châu", "hai-thinh")]
    [InlineData("hai chau", "hai-thinh")]
    [InlineData("xã Hải Châu", "hai-thinh")]
    [InlineData("TT Yên Định", "hai-hau")]
    [InlineData("thi tran yen dinh", "hai-hau")]
    [InlineData("thinh-long", "hai-thinh")]
    [InlineData("xa Hai Thinh", "hai-thinh")]
    public void Communes_are_found_by_name_or_code_with_or_without_diacritics(string text, string code) =>
        Assert.Equal(code, EngineHarness.Repo.Content.FindCommune(text)?.Code);

    [Fact]
    public void Every_article_reads_as_plain_chat_text()
    {
        foreach (var article in EngineHarness.Repo.Content.Articles)
        {
            Assert.DoesNotContain("**", article.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\n- ", article.Body, StringComparison.Ordinal);
            Assert.False(article.Body.Length > 2000, $"{article.Id} is too long for a chat bubble");
        }
    }

    [Fact]
    public void An_article_using_an_unconfirmed_fact_is_refused_at_its_line()
    {
        var content = CopyContent();
        File.WriteAllText(Path.Combine(content, "articles", "thu.md"), """
            ---
            id: thu
            title: Thử
            topic: credit
            summary: Thử.
            sources: ["Nguồn"]
            ---
            Dòng một.

            Lãi suất: {fact:nhcsxh-lai-suat-ho-can-ngheo}.
            """);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Contains(data.Problems, p => p.ToString() == "content/articles/thu.md:10:11: fact \"nhcsxh-lai-suat-ho-can-ngheo\" is not confirmed and may not be told to residents");
    }

    [Theory]
    [InlineData("---\nid: thu\ntitle: T\ntopic: weather\nsummary: S\nsources: [x]\n---\nChữ.", "unknown topic \"weather\"")]
    [InlineData("---\nid: khac\ntitle: T\ntopic: credit\nsummary: S\nsources: [x]\n---\nChữ.", "must match its file name \"thu\"")]
    [InlineData("---\nid: thu\ntitle: T\ntopic: credit\nsummary: S\n---\nChữ.", "must name its sources")]
    [InlineData("id: thu\ntitle: T", "must start with a \"---\" line")]
    [InlineData("---\nid: thu\ntitle: T\n", "not closed")]
    [InlineData("---\nid: thu\ntitle: T\ntopic: credit\nsummary: S\nsources: [x]\n---\n", "has no text")]
    [InlineData("---\nid: thu\ntitle: T\ntopic: credit\nsummary: S\nsources: [x]\n---\nHỏi {var:ten}.", "articles cannot use answers")]
    [InlineData("---\nid: thu\ntitle: T\ntopic: credit\nsummary: S\nkeywords: [\"Nhà tôi có bốn người, bố tôi đã già yếu, mẹ tôi đau ốm liên miên, tôi làm thuê ngoài chợ, vợ tôi ở nhà trông con nhỏ, thu nhập mỗi tháng không đủ ăn, xin hỏi nhà tôi có được vay vốn không?\"]\nsources: [x]\n---\nChữ.", "has 44 words, a letter")]
    [InlineData("---\nid: thu\ntitle: T\ntopic: credit\nsummary: S\nsources: [x]\n---\nLãi suất 6,6% một năm.", "a number is written directly in the article")]
    public void Broken_articles_are_reported(string text, string problem)
    {
        var content = CopyContent();
        File.WriteAllText(Path.Combine(content, "articles", "thu.md"), text);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Contains(data.Problems, p => p.Message.Contains(problem, StringComparison.Ordinal) && p.Location.File == "content/articles/thu.md");
    }

    [Theory]
    [InlineData("  - { key: a, kind: money, value: 1.500.000, label: L, legal_basis: B, confirmed: true }", "is not a number")]
    [InlineData("  - { key: a, kind: date, value: 9/12/2022, label: L, legal_basis: B, confirmed: true }", "is not a date written YYYY-MM-DD")]
    [InlineData("  - { key: a, kind: amount, value: 1, label: L, legal_basis: B, confirmed: true }", "unknown kind \"amount\"")]
    [InlineData("  - { key: a, kind: money, value: 1, label: L, confirmed: true }", "is missing \"legal_basis\"")]
    [InlineData("  - { key: a, kind: money, value: 1, label: L, legal_basis: B }", "must say confirmed: true or false")]
    [InlineData("  - { key: chuan-ngheo-nong-thon, kind: money, value: 1, label: L, legal_basis: B, confirmed: true }", "is defined twice")]
    public void Broken_facts_are_reported(string line, string problem)
    {
        var content = CopyContent();
        File.AppendAllText(Path.Combine(content, "facts.yaml"), "\n" + line + "\n");

        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Contains(data.Problems, p => p.Message.Contains(problem, StringComparison.Ordinal) && p.Location.File == "content/facts.yaml");
    }

    [Theory]
    [InlineData("spec_version: 2", "spec_version 2 is not supported")]
    [InlineData("", "the dialog is missing \"spec_version\"")]
    public void Dialog_versions_are_checked(string versionLine, string problem)
    {
        var dialogs = CopyDialogs();
        File.WriteAllText(Path.Combine(dialogs, "moi.yaml"), $"id: moi\n{versionLine}\ntitle: Mới\nstart: a\nnodes:\n  - {{ id: a, type: end }}\n");

        var data = BotDataLoader.Load(dialogs, RepoPaths.Content);

        Assert.Contains(data.Problems, p => p.Message.Contains(problem, StringComparison.Ordinal) && p.Location.File == "dialogs/moi.yaml");
    }

    [Fact]
    public void A_dialog_whose_id_differs_from_its_file_name_is_reported()
    {
        var dialogs = CopyDialogs();
        File.WriteAllText(Path.Combine(dialogs, "moi.yaml"), "id: cu\nspec_version: 1\ntitle: Mới\nstart: a\nnodes:\n  - { id: a, type: end }\n");

        var data = BotDataLoader.Load(dialogs, RepoPaths.Content);

        Assert.Contains(data.Problems, p => p.ToString() == "dialogs/moi.yaml:1:5: dialog id \"cu\" must match its file name \"moi\"");
    }

    [Fact]
    public void Two_files_with_one_dialog_id_are_reported()
    {
        var dialogs = CopyDialogs();
        Directory.CreateDirectory(Path.Combine(dialogs, "cu"));
        File.Copy(Path.Combine(dialogs, "bhyt.yaml"), Path.Combine(dialogs, "cu", "bhyt.yaml"));

        var data = BotDataLoader.Load(dialogs, RepoPaths.Content);

        Assert.Contains(data.Problems, p => p.Message == "dialog id \"bhyt\" is used by another file" && p.Location.File == "dialogs/cu/bhyt.yaml");
    }

    [Fact]
    public void Without_the_menu_or_handoff_dialog_the_bot_cannot_run()
    {
        var dialogs = CopyDialogs();
        File.Delete(Path.Combine(dialogs, "gap-can-bo.yaml"));

        var data = BotDataLoader.Load(dialogs, RepoPaths.Content);

        Assert.Contains(data.Problems, p => p.Message.Contains("dialog \"gap-can-bo\" is missing", StringComparison.Ordinal));
        Assert.Throws<Core.Loading.ContentInvalidException>(() => data.EnsureValid());
    }

    [Fact]
    public void A_commune_with_a_wrong_area_is_reported()
    {
        var content = CopyContent();
        var path = Path.Combine(content, "communes.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("area: urban", "area: town", StringComparison.Ordinal));

        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Contains(data.Problems, p => p.Message == "area must be \"urban\" or \"rural\", not \"town\"");
    }

    private string CopyContent() => Copy(RepoPaths.Content, "content");

    private string CopyDialogs() => Copy(RepoPaths.Dialogs, "dialogs");

    private string Copy(string from, string name) => RepoPaths.CopyFolder(from, Path.Combine(_folder.Path, name));
}
