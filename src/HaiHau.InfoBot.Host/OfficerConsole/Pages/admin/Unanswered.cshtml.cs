using System.Globalization;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Host.Unanswered;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Unanswered;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// CommunicationStaff and officers: the questions of a period the bot did not answer, grouped, and what to do with each
/// group (issue 13 §3); beside them, the answers the entry model chose, for staff to confirm or correct. Every decision
/// is audited; teaching ones change the bot's next answer without a restart.
/// </summary>
[Authorize(Policy = ConsoleRoles.ReportsPolicy)]
public sealed class UnansweredModel(UnansweredLoop loop, BotData data, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The default period: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>Enough groups for a month's work on one page.</summary>
    public const int GroupsShown = 50;

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>
    /// Said after a letter is linked instead of the promise of the same answer to the same words: the console keeps only a
    /// letter's start and its question (DialogEngine.UnansweredSubject), and the bot learns a letter for its buttons, not as the entry's words (StaffTeaching).
    /// The short question asked for must name who asks and what: a letter's bare ask («vậy tôi có được hưởng không») as a
    /// keyword harmed almost as much as the whole letter (the asks of the 78 linked letters: the third fresh set's
    /// confident-wrong 8 → 23 rows).
    /// </summary>
    public const string LetterLinkNote = "Đây là thư dài nên trợ lý không lấy lời kể trong thư làm từ khóa của câu trả lời (như thế sẽ trả lời sai cho người có hoàn cảnh giống vậy mà hỏi việc khác); trợ lý học thư này để đưa câu trả lời đó vào các nút gợi ý cho những thư tương tự. Muốn người hỏi nhận thẳng câu trả lời, hãy viết lại thành một câu hỏi ngắn (tối đa 32 chữ) nói rõ ai hỏi và hỏi việc gì, ví dụ «Người bị cụt chân có được hỗ trợ gì không?», rồi gắn lần nữa.";

    /// <summary>Said after a letter is added to a topic: the topic does not learn its story (StaffTeaching).</summary>
    public const string LetterExampleNote = "Đây là thư dài nên trợ lý không học lời kể trong thư vào chủ đề (như thế sẽ hiểu sai câu hỏi của người khác). Muốn trợ lý hiểu những câu hỏi giống vậy, hãy viết lại thành một câu hỏi ngắn (tối đa 32 chữ) nói rõ ai hỏi và hỏi việc gì, rồi thêm lần nữa.";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public UnansweredLoop Loop => loop;

    public UnansweredView? View { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Said when staff find an answer the entry model chose right («Đúng rồi»: a confirmation, so it leaves the list).</summary>
    public const string ModelAnswerRightNote = "Đã ghi nhận câu trả lời này là đúng.";

    /// <summary>
    /// Said when the answer confirmed came from a letter: the letter joins the entry model's practice letters (StaffTeaching),
    /// not the keywords, so like letters lean to that answer.
    /// </summary>
    public const string ConfirmedLetterNote = "Trợ lý học thêm từ thư này để trả lời những thư tương tự.";

    public async Task OnPostDecideAsync(string kind, string original, string text, int size, string? topic, string? faq, CancellationToken ct)
    {
        var (from, to) = Period();
        var entry = new AuditEntry(User.Id(), User.Who(), UnansweredLoop.ActionFor(kind));
        var (saved, problem) = await loop.DecideAsync(new PhrasingDecision(kind, original, text, size, topic, faq), from, to, User.Commune(), entry, ct);
        Problem = problem;
        var letter = saved is not null && data.Questions.IsLetter(saved.Text);
        Message = saved is null ? null : saved.Kind switch
        {
            StaffPhrasingKinds.Example => letter
                ? $"Đã ghi vào chủ đề «{loop.TopicLabel(saved.Topic)}». {LetterExampleNote}"
                : $"Đã thêm cách hỏi này vào chủ đề «{loop.TopicLabel(saved.Topic)}».",
            StaffPhrasingKinds.Link => $"Đã gắn với câu trả lời «{loop.FaqQuestion(saved.FaqId)}». {(letter ? LetterLinkNote : "Người hỏi đúng câu này sẽ nhận câu trả lời đó.")}",
            StaffPhrasingKinds.NewFaq => "Đã đánh dấu cần viết câu hỏi thường gặp mới. Tải bản nháp ở cuối trang.",
            StaffPhrasingKinds.Confirmed => saved.FaqId is null ? ModelAnswerRightNote : $"{ModelAnswerRightNote} {(letter ? ConfirmedLetterNote : "Người hỏi đúng câu này sẽ nhận thẳng câu trả lời đó.")}",
            _ => "Đã bỏ qua nhóm câu hỏi này.",
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var marked = View!.Marked;
        var bytes = FaqDrafts.Zip(marked, data);
        await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), AuditActions.FaqDraftsExported, Commune: User.Commune(),
            Details: $"{VietnameseFormat.Number(marked.Count)} bản nháp."), ct);
        return File(bytes, "application/zip", FaqDrafts.FileName);
    }

    /// <summary>Where the page reloads itself to while the bot is learning a change (a GET: never a repeated decision).</summary>
    public string ReloadUrl => $"/admin/unanswered?from={From}&to={To}";

    public string Date(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("H:mm d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A confirmation among the decisions taken (the page and its tests).</summary>
    public const string ConfirmedLabel = "Đã xác nhận đúng";

    public string KindLabel(string kind) => kind switch
    {
        StaffPhrasingKinds.Example => "Đã thêm vào chủ đề",
        StaffPhrasingKinds.Link => "Đã gắn câu trả lời",
        StaffPhrasingKinds.NewFaq => "Cần câu hỏi mới",
        StaffPhrasingKinds.Confirmed => ConfirmedLabel,
        _ => "Đã bỏ qua",
    };

    public string DecisionTarget(StaffPhrasingRecord record) => record.Kind switch
    {
        StaffPhrasingKinds.Example => loop.TopicLabel(record.Topic),
        StaffPhrasingKinds.Link or StaffPhrasingKinds.Confirmed => loop.FaqQuestion(record.FaqId),
        _ => "",
    };

    private (DateOnly From, DateOnly To) Period()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Vietnam).DateTime);
        var to = DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : today;
        var from = DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : to.AddDays(1 - DefaultDays);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        (From, To) = (from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return (from, to);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (from, to) = Period();
        View = await loop.ViewAsync(from, to, User.Commune(), ct);
    }
}
