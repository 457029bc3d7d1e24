using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;
using HaiHau.InfoBot.Host.Unanswered;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.Storage.Unanswered;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// The unanswered-questions loop end to end (issue 13 §3): residents ask through the web chat (real engine, real
/// SQLite), staff act on the console page, and the next resident with the same words gets another answer, with no
/// restart.
/// </summary>
[Scheduling.LongRunning(45)]
public sealed class UnansweredLoopTests : HostTestBase
{
    // Questions the shipped content does not answer today (the first test proves it for each).
    private const string UnknownLoan = UnknownLoanQuestion.Text;
    private const string UnknownLoanFolded = UnknownLoanQuestion.Folded;
    // «… tiền tàu xe không» alone is now answered (wrongly, with vocational training's travel support: the entry model
    // backs it); with «về quê» no entry fits well enough, as this test needs.
    private const string StudentTravel = "Con tôi học đại học xa nhà được hỗ trợ tiền tàu xe về quê không";
    private const string StudentTravelFolded = "con toi hoc dai hoc xa nha duoc ho tro tien tau xe ve que khong";
    private const string StudentLoanFaq = "vay-cho-con-di-hoc";

    [Fact]
    public async Task Unanswered_questions_show_in_their_group_with_their_count_and_asked_back_ones_too()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync(UnknownLoan);
        await loop.AskAsync(UnknownLoan);
        await loop.AskAsync(UnknownLoanQuestion.Variant);
        await loop.AskAsync(StudentTravel);
        // A vague plea that could be several topics: the assistant asks back which one (the content answers the lost-certificate
        // question this test used before, so a vaguer one keeps the asked-back path under test).
        var askedBack = await loop.AskAsync("xin ho tro nha e voi a");

        var page = await loop.PageAsync();

        Assert.Equal(3, UnansweredConsole.GroupCount(page, UnknownLoanFolded));
        Assert.Equal(3, UnansweredConsole.GroupCount(page, UnknownLoanQuestion.Variant)); // the same group
        Assert.Equal(1, UnansweredConsole.GroupCount(page, StudentTravelFolded));
        Assert.Contains(app.Services.GetRequiredService<IQuestionUnderstanding>().Messages.WhichTopic, askedBack.AllText, StringComparison.Ordinal);
        Assert.Equal(1, UnansweredConsole.GroupCount(page, "xin ho tro nha e voi a"));
        Assert.Contains("1 lần trợ lý phải hỏi lại chủ đề", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_the_words_to_a_topic_changes_the_next_answer_without_a_restart_and_after_one()
    {
        await using (var app = NewApp())
        {
            var loop = await UnansweredConsole.StartAsync(app);
            var before = await loop.AskAsync(UnknownLoan);
            Assert.Equal(1, await loop.UnansweredCountAsync());

            var result = await loop.DecideAsync(StaffPhrasingKinds.Example, UnknownLoanFolded, 1, topic: "credit");
            var after = await loop.AskAsync(UnknownLoan);

            Assert.Contains("Đã thêm cách hỏi này vào chủ đề «Vay vốn ưu đãi»", result, StringComparison.Ordinal);
            Assert.NotEqual(before.AllText, after.AllText);
            Assert.Equal(1, await loop.UnansweredCountAsync()); // the second time it was understood
            Assert.Contains((EventKinds.QuestionUnderstood.Name, "credit"), await loop.EventsAsync());
            Assert.Null(UnansweredConsole.GroupCount(await loop.PageAsync(), UnknownLoanFolded)); // handled: no longer listed
        }

        await using var restarted = NewApp();
        var again = await UnansweredConsole.StartAsync(restarted, "nguoi-khac@haihau.test");
        await again.AskAsync(UnknownLoan);
        Assert.Equal(1, await again.UnansweredCountAsync()); // still taught after a restart
    }

    [Fact]
    public async Task Linking_the_words_to_an_answer_gives_that_answer_to_the_next_identical_question()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var faq = app.Services.GetRequiredService<IQuestionUnderstanding>().FindFaq(StudentLoanFaq)!;
        var before = await loop.AskAsync(StudentTravel);
        Assert.DoesNotContain(faq.Question, before.AllText, StringComparison.Ordinal);

        var result = await loop.DecideAsync(StaffPhrasingKinds.Link, StudentTravelFolded, 1, faq: StudentLoanFaq);
        var after = await loop.AskAsync(StudentTravel);
        var typedWithoutDiacritics = await loop.AskAsync(StudentTravelFolded);

        Assert.Contains($"Đã gắn với câu trả lời «{faq.Question}»", result, StringComparison.Ordinal);
        Assert.Contains(faq.Question, after.AllText, StringComparison.Ordinal);
        Assert.Contains(faq.Question, typedWithoutDiacritics.AllText, StringComparison.Ordinal);
        Assert.Contains((EventKinds.QuestionAnswered.Name, $"faq:{StudentLoanFaq}"), await loop.EventsAsync());
        Assert.Equal(1, await loop.UnansweredCountAsync());
    }

    // A letter the bot does not answer, and two other residents' letters that tell a like story (StaffTeaching).
    private const string AmputationLetter = "Chồng tôi năm nay 52 tuổi, bị tai nạn lao động phải cắt cụt chân phải, giờ đi lại phải chống nạng, không làm được việc nặng, nhà có hai con đang đi học, mọi chi tiêu trông vào mấy sào ruộng. Xin hỏi trường hợp của chồng tôi có được Nhà nước hỗ trợ gì không?";
    private const string LikeLetter = "Bố tôi bị tai nạn giao thông phải cắt cụt một chân, nay không đi làm được, nhà chỉ có mẹ tôi làm ruộng. Xin hỏi bố tôi có được hỗ trợ gì không?";
    private const string OtherAskLetter = "Nhà tôi có hai con đang đi học, chồng tôi bị tai nạn lao động phải cắt cụt chân, không làm được việc nặng. Xin hỏi nhà tôi có được xét hộ cận nghèo không?";
    private const string DisabilityFaq = "nguoi-khuyet-tat-duoc-gi";

    [Fact]
    public async Task Linking_a_letter_puts_its_answer_among_the_buttons_of_like_letters_and_leaves_other_answers_alone()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var button = $"faq:{DisabilityFaq}";
        var letter = await loop.AskAsync(AmputationLetter);
        var like = await loop.AskAsync(LikeLetter);
        var otherAsk = await loop.AskAsync(OtherAskLetter);
        Assert.DoesNotContain(button, Buttons(letter));
        Assert.DoesNotContain(button, Buttons(like));
        Assert.Equal(2, await loop.UnansweredCountAsync()); // the letter and the like one; the other ask is answered

        // The console keeps the letter folded and cut, as the engine logged it; that is what staff link.
        var kept = UnansweredQuestions.Folded(AmputationLetter);
        Assert.Equal(1, UnansweredConsole.GroupCount(await loop.PageAsync(), kept));
        var result = await loop.DecideAsync(StaffPhrasingKinds.Link, kept, 1, faq: DisabilityFaq);

        Assert.Contains(UnansweredModel.LetterLinkNote, result, StringComparison.Ordinal);
        Assert.Contains(button, Buttons(await loop.AskAsync(LikeLetter)));
        Assert.Contains(button, Buttons(await loop.AskAsync(AmputationLetter)));
        // As keywords, the letter's story words made this one the removal-from-the-list entry's (measured on 7 December).
        Assert.Equal(otherAsk.AllText, (await loop.AskAsync(OtherAskLetter)).AllText);
    }

    [Fact]
    public async Task Adding_a_letter_to_a_topic_tells_staff_to_keep_the_short_question_and_changes_no_other_answer()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync(AmputationLetter);
        var otherAsk = await loop.AskAsync(OtherAskLetter);

        var result = await loop.DecideAsync(StaffPhrasingKinds.Example, UnansweredQuestions.Folded(AmputationLetter), 1, topic: "other_support");

        Assert.Contains(UnansweredModel.LetterExampleNote, result, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã thêm cách hỏi này", result, StringComparison.Ordinal);
        Assert.Equal(otherAsk.AllText, (await loop.AskAsync(OtherAskLetter)).AllText);
    }

    /// <summary>Every button of every message of a reply (the suggestions come before the menu).</summary>
    private static List<string> Buttons(WebChatClient.Reply reply) => reply.Replies.SelectMany(m => m.Choices).Select(c => c.Id).ToList();

    [Fact]
    public async Task Ignoring_a_group_hides_it_and_leaves_the_others()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync("Hôm nay có mưa không?");
        await loop.AskAsync("hom nay co mua khong vay");
        await loop.AskAsync(StudentTravel);

        var result = await loop.DecideAsync(StaffPhrasingKinds.Ignore, "hom nay co mua khong", 2);
        var page = await loop.PageAsync();

        Assert.Contains("Đã bỏ qua nhóm câu hỏi này.", result, StringComparison.Ordinal);
        Assert.Null(UnansweredConsole.GroupCount(page, "hom nay co mua khong"));
        Assert.Null(UnansweredConsole.GroupCount(page, "hom nay co mua khong vay"));
        Assert.Equal(1, UnansweredConsole.GroupCount(page, StudentTravelFolded));
        Assert.Contains("Đã bỏ qua", page, StringComparison.Ordinal); // listed under «Đã xử lý»
    }

    [Fact]
    public async Task Every_decision_is_audited_in_words_without_the_residents_words()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        await loop.AskAsync(UnknownLoan);
        await loop.AskAsync(StudentTravel);
        await loop.AskAsync("Hôm nay có mưa không?");

        await loop.DecideAsync(StaffPhrasingKinds.Example, UnknownLoanFolded, 1, topic: "credit", text: "Lãi vay tính theo ngày hay theo tháng?");
        await loop.DecideAsync(StaffPhrasingKinds.Link, StudentTravelFolded, 1, faq: StudentLoanFaq);
        await loop.DecideAsync(StaffPhrasingKinds.Ignore, "hom nay co mua khong", 1);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditLog.Where(a => a.Action.StartsWith("unanswered")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.UnansweredExampleAdded, AuditActions.UnansweredLinked, AuditActions.UnansweredIgnored], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("truyen-thong@haihau.test", a.Actor));
        Assert.Equal("Chủ đề «Vay vốn ưu đãi»; nhóm 1 câu hỏi; cán bộ đã sửa lời.", audit[0].Details);
        Assert.StartsWith("Câu trả lời «", audit[1].Details, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.DoesNotContain("theo ngay", a.Details!, StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain("tau xe", a.Details!, StringComparison.Ordinal));

        await ConsoleClient.CreateAccountAsync(app, "quan-tri@haihau.test", ConsoleRoles.Admin);
        var admin = await ConsoleClient.SignedInAsync(app, "quan-tri@haihau.test");
        var log = await admin.PageAsync("/admin/audit");
        Assert.Contains("Thêm cách hỏi vào chủ đề", log, StringComparison.Ordinal);
        Assert.Contains("Gắn câu hỏi với câu trả lời có sẵn", log, StringComparison.Ordinal);
        Assert.Contains("Bỏ qua câu hỏi chưa trả lời", log, StringComparison.Ordinal);
        Assert.DoesNotContain("unanswered_", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_removes_the_residents_words_from_the_groups_and_their_unedited_copies_from_the_bot()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var chat = new WebChat.WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: UnknownLoan);
        await chat.SendAsync(id, text: StudentTravel);
        await loop.DecideAsync(StaffPhrasingKinds.Example, UnknownLoanFolded, 1, topic: "credit"); // copied as asked
        await loop.DecideAsync(StaffPhrasingKinds.Link, StudentTravelFolded, 1, faq: StudentLoanFaq, text: "Con học xa nhà có được hỗ trợ tiền tàu xe không?"); // rewritten by staff
        await loop.AskAsync("Hôm nay có mưa không?"); // another resident, who keeps their data

        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");
        var page = await loop.PageAsync();

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
        {
            var kept = await db.StaffPhrasings.Select(p => p.Text).ToListAsync();
            Assert.Equal(["Con học xa nhà có được hỗ trợ tiền tàu xe không?"], kept); // staff's own words stay; the copy went
        }

        Assert.DoesNotContain(UnknownLoanFolded, page, StringComparison.Ordinal);
        Assert.Equal(1, UnansweredConsole.GroupCount(page, "hom nay co mua khong"));

        // The running bot forgets the erased words at its next look at the table (StaffPhrasingRefresher).
        Assert.True(await app.Services.GetRequiredService<Host.Unanswered.LiveUnderstanding>().RefreshAsync(CancellationToken.None));
        var before = await loop.UnansweredCountAsync();
        await loop.AskAsync(UnknownLoan);
        Assert.Equal(before + 1, await loop.UnansweredCountAsync());
    }

    [Fact]
    public async Task Erasure_deletes_from_the_model_cache_what_the_bot_built_from_the_residents_words()
    {
        var cache = Path.Combine(Folder.Path, "model-cache");
        await using var app = NewApp(settings: new Dictionary<string, string?> { ["InfoBot:ModelCachePath"] = cache });
        var loop = await UnansweredConsole.StartAsync(app);
        var chat = new WebChat.WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: StudentTravel);
        await chat.SendAsync(id, text: AmputationLetter);
        await loop.DecideAsync(StaffPhrasingKinds.Link, StudentTravelFolded, 1, faq: StudentLoanFaq); // copied as asked
        await loop.DecideAsync(StaffPhrasingKinds.Link, UnansweredQuestions.Folded(AmputationLetter), 1, faq: DisabilityFaq);
        var taught = Path.Combine(cache, TaughtModelStore.TaughtFolder);
        Assert.NotEmpty(Directory.GetFiles(taught)); // a restart reads the taught understanding instead of training

        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");
        Assert.True(await app.Services.GetRequiredService<LiveUnderstanding>().RefreshAsync(CancellationToken.None));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.StaffPhrasings.Select(p => p.Text).ToListAsync());
        }

        Assert.Empty(Directory.GetFiles(taught));
        Assert.Contains("faq:", string.Join(' ', Buttons(await loop.AskAsync(AmputationLetter))), StringComparison.Ordinal); // content's answers still serve
    }

    [Fact]
    public async Task The_first_start_of_this_release_deletes_the_models_an_older_one_may_have_built_from_residents_words()
    {
        var cache = Path.Combine(Folder.Path, "model-cache");
        Directory.CreateDirectory(cache);
        var older = Path.Combine(cache, "understanding-0123456789abcdef.bin"); // as an older release kept a build with staff's links
        await File.WriteAllTextAsync(older, "weights learnt from a resident's words");
        var settings = new Dictionary<string, string?> { ["InfoBot:ModelCachePath"] = cache };

        await using (var app = NewApp(settings: settings))
        {
            await UnansweredConsole.StartAsync(app);
            Assert.False(File.Exists(older));
            Assert.True(Directory.Exists(Path.Combine(cache, TaughtModelStore.TaughtFolder)));
        }

        await File.WriteAllTextAsync(older, "a model this release keeps for the content");
        await using (var again = NewApp(settings: settings))
        {
            await UnansweredConsole.StartAsync(again, "nguoi-khac@haihau.test");
            Assert.True(File.Exists(older)); // once only: the content's models are a cache worth keeping
        }
    }

    [Fact]
    public async Task The_running_bot_forgets_an_erased_copy_at_its_next_minutely_look_at_the_table()
    {
        await using var app = NewApp();
        var loop = await UnansweredConsole.StartAsync(app);
        var chat = new WebChat.WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, text: UnknownLoan);
        await loop.DecideAsync(StaffPhrasingKinds.Example, UnknownLoanFolded, 1, topic: "credit");
        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");
        var live = app.Services.GetRequiredService<Host.Unanswered.LiveUnderstanding>();
        var swapped = new TaskCompletionSource<Host.Unanswered.LiveUnderstanding.Version>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Swapped += v => swapped.TrySetResult(v);

        app.Time.Advance(Host.Unanswered.StaffPhrasingRefresher.Period);
        var version = await swapped.Task.WaitAsync(TimeSpan.FromMinutes(2)); // a guard against a hang, not a wait for time
        var before = await loop.UnansweredCountAsync();
        await loop.AskAsync(UnknownLoan);

        Assert.Equal(0, version.Count);
        Assert.Equal(before + 1, await loop.UnansweredCountAsync()); // not understood again: the copy is gone from the bot
    }

    [Fact]
    public async Task A_confirmation_that_names_no_entry_teaches_nothing_so_the_running_bot_does_not_rebuild_for_it()
    {
        await using var app = NewApp();
        var live = app.Services.GetRequiredService<LiveUnderstanding>();
        Assert.False(await live.RefreshAsync(CancellationToken.None)); // nothing stored yet: nothing to rebuild

        // «Đúng rồi» on a guessed article or topic overview keeps no entry (StaffPhrasingKinds.Teaches).
        await AddPhrasingAsync(app, StaffPhrasingKinds.Confirmed, faqId: null);
        Assert.False(await live.RefreshAsync(CancellationToken.None));

        await AddPhrasingAsync(app, StaffPhrasingKinds.Confirmed, faqId: StudentLoanFaq);
        Assert.True(await live.RefreshAsync(CancellationToken.None));
        Assert.Equal(1, live.BuiltFrom.Count);
        Assert.False(await live.RefreshAsync(CancellationToken.None)); // built from it: settled
    }

    private static async Task AddPhrasingAsync(InfoBotApp app, string kind, string? faqId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        db.StaffPhrasings.Add(new StaffPhrasingRecord
        {
            Kind = kind, Text = StudentTravelFolded, Topic = "credit", FaqId = faqId, ActorId = "can-bo@haihau.test", At = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_commune_officer_sees_only_the_questions_of_residents_of_their_commune()
    {
        await using var app = NewApp();
        var haiAn = await UnansweredConsole.StartAsync(app, "can-bo-hai-an@haihau.test", ConsoleRoles.Officer, "hai-an");
        await haiAn.AskAsync(UnknownLoan);
        await haiAn.AskAsync(StudentTravel);
        await haiAn.AskAsync("Hôm nay có mưa không?");
        await RegisterAsync(app, UnknownLoanFolded, "hai-an");
        await RegisterAsync(app, StudentTravelFolded, "hai-hung");
        var district = await UnansweredConsole.StartAsync(app);

        var officerPage = await haiAn.PageAsync();
        var districtPage = await district.PageAsync();

        Assert.Equal(1, UnansweredConsole.GroupCount(officerPage, UnknownLoanFolded));
        Assert.Null(UnansweredConsole.GroupCount(officerPage, StudentTravelFolded));
        Assert.Null(UnansweredConsole.GroupCount(officerPage, "hom nay co mua khong")); // not registered: district staff only
        Assert.Equal(1, UnansweredConsole.GroupCount(districtPage, StudentTravelFolded));
        Assert.Equal(1, UnansweredConsole.GroupCount(districtPage, "hom nay co mua khong"));
    }

    /// <summary>The resident who asked <paramref name="folded"/> registered in <paramref name="commune"/> (as «Đăng ký nhận tin» stores it).</summary>
    private static async Task RegisterAsync(InfoBotApp app, string folded, string commune)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var asked = await db.TurnEvents.Where(e => e.Subject == folded).Select(e => new { e.ConversationId, e.Channel }).SingleAsync();
        db.ResidentProfiles.Add(new ResidentProfileRecord
        {
            ConversationId = asked.ConversationId, Channel = asked.Channel, CommuneCode = commune, ConsentStatistics = true,
            CreatedAt = app.Time.GetUtcNow(), UpdatedAt = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }
}
