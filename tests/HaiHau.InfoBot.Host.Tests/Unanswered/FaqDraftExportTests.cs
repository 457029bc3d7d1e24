using System.IO.Compression;
using System.Net;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.Host.Unanswered;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Unanswered;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// Groups marked «Cần viết câu hỏi mới» download as drafts in the content/faq format: refused by <c>validate</c> as
/// they come (no unwritten answer can reach a resident), accepted once staff fill them in.
/// </summary>
public sealed partial class FaqDraftExportTests : HostTestBase
{
    [Fact]
    public async Task Marked_groups_export_as_faq_drafts_that_validate_accepts_once_filled()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync("Nuôi con chim cảnh có được vay không");
        await loop.AskAsync("nuoi con chim canh co duoc vay khong a"); // asked back: "which topic?"
        await loop.AskAsync("Muốn mở quán nước thì xin phép ai: \"UBND\" hay # công an?");
        await loop.DecideAsync(StaffPhrasingKinds.NewFaq, "nuoi con chim canh co duoc vay khong", 2);
        await loop.DecideAsync(StaffPhrasingKinds.NewFaq, "muon mo quan nuoc thi xin phep ai: \"ubnd\" hay # cong an?", 1);
        await loop.AskAsync(Letter);
        await loop.DecideAsync(StaffPhrasingKinds.NewFaq, UnansweredQuestions.Folded(Letter), 1);

        var page = await loop.PageAsync();
        var response = await loop.Staff.Http.GetAsync(new Uri(UnansweredConsole.Page + "?handler=export", UriKind.Relative));

        Assert.Contains("<table id=\"marked\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var drafts = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        Assert.Equal(3, drafts.Count);
        var letterDraft = drafts.Values.Single(d => d.Contains("may xat lua cuon mat ban tay", StringComparison.Ordinal));
        Assert.Contains("question: \"nha toi o xom 5", letterDraft, StringComparison.Ordinal); // the letter, to be rewritten
        Assert.Contains("keywords: []", letterDraft, StringComparison.Ordinal); // the letter is no keyword
        Assert.All(drafts.Keys, name => Assert.Matches("^faq/[a-z0-9-]+\\.md$", name));
        Assert.Contains(drafts.Values, d => d.Contains("\"nuoi con chim canh co duoc vay khong a\"", StringComparison.Ordinal) && d.Contains("question: \"nuoi con chim canh co duoc vay khong\"", StringComparison.Ordinal)); // the group's other words as keywords

        var content = CopyContent();
        foreach (var (name, text) in drafts)
        {
            File.WriteAllText(Path.Combine(content, name), text);
        }

        var asExported = await ValidateAsync(content);
        Assert.Equal(1, asExported.Code);
        Assert.Contains($"answer_article \"{FaqDrafts.ArticlePlaceholder}\" does not exist", asExported.Error, StringComparison.Ordinal);
        Assert.Contains("words, a letter: keep the ask alone here", asExported.Error, StringComparison.Ordinal);

        var article = app.Services.GetRequiredService<BotData>().Understanding.Faqs.First(f => f.Topic == "credit").AnswerArticle;
        foreach (var (name, text) in drafts)
        {
            File.WriteAllText(Path.Combine(content, name), LetterQuestion().Replace(text, "question: \"Nhà có người bị máy xát lúa cuốn mất tay thì có được vay vốn làm ăn không?\"")
                .Replace(FaqDrafts.ArticlePlaceholder, article, StringComparison.Ordinal)
                .Replace(FaqDrafts.SourcePlaceholder, "Nghị định 78/2002/NĐ-CP", StringComparison.Ordinal)
                .Replace(FaqDrafts.AnswerPlaceholder, "Bác hỏi Tổ tiết kiệm và vay vốn ở thôn, hoặc UBND xã (Phòng Văn hóa – Xã hội) nhé.", StringComparison.Ordinal));
        }

        var filled = await ValidateAsync(content);
        Assert.True(filled.Code == 0, filled.Error);
        Assert.Contains("OK:", filled.Output, StringComparison.Ordinal);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(3, await db.AuditLog.CountAsync(a => a.Action == AuditActions.UnansweredMarked));
        Assert.Equal("3 bản nháp.", (await db.AuditLog.SingleAsync(a => a.Action == AuditActions.FaqDraftsExported)).Details);
    }

    /// <summary>A long letter the bot does not answer (its draft keeps it as the question to rewrite, never as a keyword).</summary>
    private const string Letter = "Nhà tôi ở xóm 5, chồng tôi năm ngoái bị máy xát lúa cuốn mất bàn tay phải, giờ không làm được việc nặng, cái máy xát lúa vẫn còn nợ tiền mua, hai đứa con đang học cấp hai, tôi đi làm thuê mỗi ngày. Xin hỏi nhà tôi muốn vay thêm tiền để làm ăn thì có được vay không?";

    [System.Text.RegularExpressions.GeneratedRegex("question: \"nha toi o xom 5[^\n]*")]
    private static partial System.Text.RegularExpressions.Regex LetterQuestion();

    private string CopyContent() => RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(Folder.Path, "content"));

    private static async Task<(int Code, string Output, string Error)> ValidateAsync(string content)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = InfoBotCommandLine.Create(new StringReader(""), output, error)
            .Parse(["validate", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={content}"]);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
