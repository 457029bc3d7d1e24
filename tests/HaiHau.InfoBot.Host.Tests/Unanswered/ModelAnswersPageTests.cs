using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Operations;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.Storage.Unanswered;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// The answers the entry model chose for long stories, on the unanswered-questions page: a resident asks through the web
/// chat (real engine, real SQLite), staff see the question as kept and the entry given, and confirm or correct it; the
/// resident's erasure and the retention purge clear the words as they clear an unanswered question's.
/// </summary>
public sealed partial class ModelAnswersPageTests : HostTestBase
{
    private const string Letter = ModelLedLetter.Text;
    private const string PlainQuestion = "trợ cấp thất nghiệp được bao nhiêu tháng";
    private const string UnemploymentFaq = ModelLedLetter.Faq;

    private static readonly string Kept = DialogEngine.UnansweredSubject(Letter);

    [Fact]
    public async Task A_model_s_answer_shows_with_the_entry_given_and_a_commune_account_sees_only_its_commune_s()
    {
        await using var app = NewApp();
        var district = await UnansweredConsole.StartAsync(app);
        var reply = await district.AskAsync(Letter);
        await district.AskAsync(PlainQuestion); // the search's own answer: nothing to check
        var entry = app.Services.GetRequiredService<IQuestionUnderstanding>().FindFaq(UnemploymentFaq)!;
        Assert.Contains(entry.Question, reply.AllText, StringComparison.Ordinal);
        await RegisterAsync(app, Kept, "hai-hung");
        var haiHung = await UnansweredConsole.StartAsync(app, "can-bo-hai-hung@haihau.test", ConsoleRoles.Officer, "hai-hung");
        var haiAn = await UnansweredConsole.StartAsync(app, "can-bo-hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");

        var page = await district.PageAsync();

        var item = Assert.Single(Items(page));
        Assert.Contains($"<p class=\"asked\">{Kept}</p>", item, StringComparison.Ordinal);
        Assert.Contains($"<strong class=\"given\">{entry.Question}</strong>", item, StringComparison.Ordinal);
        Assert.Contains("Lúc 8:00 15/9/2022", item, StringComparison.Ordinal); // the day it was answered, Vietnam time
        Assert.Null(UnansweredConsole.GroupCount(page, Kept)); // answered: not among the unanswered groups
        Assert.Single(Items(await haiHung.PageAsync()));
        Assert.Empty(Items(await haiAn.PageAsync()));
        Assert.Contains("id=\"no-model-answers\"", await haiAn.PageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_confirm_a_right_answer_and_it_leaves_the_list_as_a_confirmation_not_an_ignore()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync(Letter);

        var right = await loop.DecideModelAnswerAsync(StaffPhrasingKinds.Confirmed, Kept);

        // A letter is learnt among the entry model's letters (like letters lean to the answer), not as keywords.
        Assert.Contains($"{UnansweredModel.ModelAnswerRightNote} {UnansweredModel.ConfirmedLetterNote}", right, StringComparison.Ordinal);
        Assert.Empty(Items(right));
        var decided = await loop.PageAsync();
        var entry = app.Services.GetRequiredService<IQuestionUnderstanding>().FindFaq(UnemploymentFaq)!;
        Assert.Matches($"<tr><td>{Regex.Escape(Kept)}</td><td>{UnansweredModel.ConfirmedLabel}</td><td>{Regex.Escape(entry.Question)}</td>", decided); // among the decisions taken
        Assert.DoesNotContain("Đã bỏ qua", decided, StringComparison.Ordinal);
        var log = await AuditPageAsync(app);
        Assert.Contains("Xác nhận câu trả lời trợ lý tự đoán là đúng", log, StringComparison.Ordinal);
        Assert.Contains($"Câu trả lời trợ lý tự đoán «{entry.Question}» là đúng", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Bỏ qua câu hỏi chưa trả lời", log, StringComparison.Ordinal);

        await loop.AskAsync(Letter); // asked again after the decision: a confirmation covers it for good
        Assert.Empty(Items(await loop.PageAsync()));
    }

    // A follow-up the entry model answers (Core's ModelLedAnswerTests): short enough to be kept whole.
    private const string EscapedFirst = "nhà bác mới thoát nghèo năm ngoái thì còn được hưởng gì không";
    private const string HowLong = "vậy được hưởng đến bao giờ thì thôi";
    private const string HowLongFaq = "ho-moi-thoat-ngheo-bao-lau";

    [Fact]
    public async Task Confirming_a_guess_keeps_its_entry_and_the_bot_answers_those_words_without_guessing_until_the_resident_erases_them()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var chat = new WebChat.WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: EscapedFirst);
        await chat.SendAsync(id, text: HowLong);
        var kept = DialogEngine.UnansweredSubject(HowLong);
        var entry = app.Services.GetRequiredService<IQuestionUnderstanding>().FindFaq(HowLongFaq)!;
        Assert.Equal([kept], Guesses(await loop.EventsAsync())); // the model's answer, for staff to check

        var right = await loop.DecideModelAnswerAsync(StaffPhrasingKinds.Confirmed, kept);

        Assert.Contains($"{UnansweredModel.ModelAnswerRightNote} Người hỏi đúng câu này sẽ nhận thẳng câu trả lời đó.", right, StringComparison.Ordinal);
        Assert.Contains($"<tr><td>{kept}</td><td>{UnansweredModel.ConfirmedLabel}</td><td>{entry.Question}</td>", await loop.PageAsync(), StringComparison.Ordinal);
        Assert.Contains($"Câu trả lời trợ lý tự đoán «{entry.Question}» là đúng; giữ nguyên lời người dân.", await AuditPageAsync(app), StringComparison.Ordinal);

        await loop.ConverseAsync(EscapedFirst, HowLong); // another resident
        var events = await loop.EventsAsync();
        Assert.Equal([kept], Guesses(events)); // answered as staff confirmed: nothing new to check
        Assert.Equal($"faq:{HowLongFaq}", events.Last(e => e.Kind == EventKinds.QuestionAnswered.Name).Subject);

        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");
        Assert.True(await app.Services.GetRequiredService<Host.Unanswered.LiveUnderstanding>().RefreshAsync(CancellationToken.None));
        await loop.ConverseAsync(EscapedFirst, HowLong); // another resident
        Assert.Equal([null, kept], Guesses(await loop.EventsAsync())); // the words erased, then guessed again: the bot forgot them
    }

    private static List<string?> Guesses(List<(string Kind, string? Subject)> events) =>
        [.. events.Where(e => e.Kind == EventKinds.QuestionModelAnswered.Name).Select(e => e.Subject)];

    [Fact]
    public async Task Ignoring_an_unanswered_group_still_shows_as_an_ignore_and_hides_a_like_guess()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync(Letter);

        await loop.DecideAsync(StaffPhrasingKinds.Ignore, Kept, 1); // as the «Bỏ qua» of a group with these words

        var page = await loop.PageAsync();
        Assert.Empty(Items(page));
        Assert.Matches($"<tr><td>{Regex.Escape(Kept)}</td><td>Đã bỏ qua</td>", page);
        Assert.DoesNotContain(UnansweredModel.ConfirmedLabel, page, StringComparison.Ordinal);
        var log = await AuditPageAsync(app);
        Assert.Contains("Bỏ qua câu hỏi chưa trả lời", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Xác nhận câu trả lời trợ lý tự đoán là đúng", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_clears_the_words_kept_of_a_model_s_answer_and_the_unedited_copy_staff_made_of_them()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var chat = new WebChat.WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: Letter);
        var marked = await loop.DecideModelAnswerAsync(StaffPhrasingKinds.NewFaq, Kept); // copied as asked
        Assert.Contains((EventKinds.QuestionModelAnswered.Name, Kept), await loop.EventsAsync());
        Assert.Matches($"<tr><td>{Regex.Escape(Kept)}</td><td>1</td>", marked); // listed to be written, asked once

        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");

        var events = await loop.EventsAsync();
        Assert.Contains((EventKinds.QuestionModelAnswered.Name, (string?)null), events); // still counted, without the words
        Assert.Contains((EventKinds.QuestionAnswered.Name, $"faq:{UnemploymentFaq}"), events);
        Assert.DoesNotContain(events, e => e.Subject == Kept);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.StaffPhrasings.ToListAsync());
        Assert.DoesNotContain(Kept, await loop.PageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retention_purge_clears_the_words_of_a_model_s_answer_after_the_unanswered_questions_period()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync(Letter);
        var factory = app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
        var now = app.Time.GetUtcNow();

        await using (var db = await factory.CreateDbContextAsync())
        {
            var early = await RetentionPurge.RunAsync(db, now.AddDays(30), messageTextDays: 180, unansweredTextDays: 31, CancellationToken.None);
            Assert.Equal(0, early.Unanswered); // within the period: kept
        }

        Assert.Contains((EventKinds.QuestionModelAnswered.Name, Kept), await loop.EventsAsync());
        await using (var db = await factory.CreateDbContextAsync())
        {
            var late = await RetentionPurge.RunAsync(db, now.AddDays(32), messageTextDays: 180, unansweredTextDays: 31, CancellationToken.None);
            Assert.Equal(1, late.Unanswered);
        }

        Assert.Contains((EventKinds.QuestionModelAnswered.Name, (string?)null), await loop.EventsAsync());
        Assert.DoesNotContain(await loop.EventsAsync(), e => e.Subject == Kept);
    }

    private static async Task<string> AuditPageAsync(InfoBotApp app)
    {
        await ConsoleClient.CreateAccountAsync(app, "quan-tri@haihau.test", ConsoleRoles.Admin);
        return await (await ConsoleClient.SignedInAsync(app, "quan-tri@haihau.test")).PageAsync("/admin/audit");
    }

    private static List<string> Items(string page) => [.. ItemForm().Matches(page).Select(m => m.Value)];

    /// <summary>The resident who asked registered in <paramref name="commune"/> (as «Đăng ký nhận tin» stores it).</summary>
    private static async Task RegisterAsync(InfoBotApp app, string kept, string commune)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var asked = await db.TurnEvents.Where(e => e.Subject == kept).Select(e => new { e.ConversationId, e.Channel }).SingleAsync();
        db.ResidentProfiles.Add(new ResidentProfileRecord
        {
            ConversationId = asked.ConversationId, Channel = asked.Channel, CommuneCode = commune, ConsentStatistics = true,
            CreatedAt = app.Time.GetUtcNow(), UpdatedAt = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("<form method=\"post\" class=\"card model-answer\"[\\s\\S]*?</form>")]
    private static partial Regex ItemForm();
}
