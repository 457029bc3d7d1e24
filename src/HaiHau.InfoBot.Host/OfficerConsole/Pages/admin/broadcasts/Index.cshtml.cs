using System.Globalization;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Delivery;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin.Broadcasts;

/// <summary>
/// The announcements an account may see (a commune officer: those for their commune only), with state and
/// progress; cancel, pause, resume and approve, each audited. Every action re-checks the account's scope on the server.
/// </summary>
[Authorize(Policy = ConsoleRoles.BroadcastsPolicy)]
public sealed class BroadcastsModel(
    BroadcastStore store, IDbContextFactory<InfoBotDbContext> factory, IContentStore content, AuditLog audit, OutboxSignal signal,
    IEnumerable<IChannelAdapter> adapters, IOptions<DeliveryOptions> delivery, TimeProvider time, IQuestionUnderstanding understanding) : PageModel
{
    public sealed record Row(BroadcastRecord Broadcast, Segment Segment, BroadcastProgress Progress, BroadcastRouteProgress Routes);

    public const int Shown = 50;

    [BindProperty(SupportsGet = true)]
    public long? Created { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The announcement whose «Hủy» was pressed: the page asks to confirm before anything is cancelled.</summary>
    public Row? ConfirmCancel { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public string CommuneName(string code) => content.FindCommune(code)?.Name ?? code;

    /// <summary>A topic's label from content/understanding/topics.yaml, the one topic registry every page names topics by.</summary>
    public string TopicName(string topic) => ConsoleLabels.Topic(understanding, topic);

    public string Local(DateTimeOffset at) => BroadcastForm.Local(at, TimeZoneInfo.FindSystemTimeZoneById(delivery.Value.TimeZone));

    public static string StateLabel(BroadcastState state) => state switch
    {
        BroadcastState.Draft => "Nháp",
        BroadcastState.AwaitingApproval => "Chờ duyệt",
        BroadcastState.Scheduled => "Đã hẹn giờ",
        BroadcastState.Sending => "Đang gửi",
        BroadcastState.Paused => "Tạm dừng",
        BroadcastState.Completed => "Đã gửi xong",
        BroadcastState.Cancelled => "Đã hủy",
        _ => state.ToString(),
    };

    public static string ReasonLabel(string reason) => reason switch
    {
        "window" => "ngoài 7 ngày của Zalo",
        _ when reason.StartsWith("gave up", StringComparison.Ordinal) => "lỗi mạng kéo dài",
        _ => $"lỗi khác ({reason})",
    };

    /// <summary>Approval needs a second, district-wide account.</summary>
    public bool MayApprove(BroadcastRecord broadcast) =>
        broadcast.State == BroadcastState.AwaitingApproval && User.Commune() is null && !string.Equals(broadcast.CreatedBy, User.Who(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The list; with <paramref name="cancel"/>, that announcement's confirmation step (a plain page, no script needed).</summary>
    public async Task OnGetAsync(long? cancel, CancellationToken ct)
    {
        await LoadAsync(ct);
        ConfirmCancel = cancel is { } id ? Rows.FirstOrDefault(r => r.Broadcast.Id == id && Cancellable(r.Broadcast.State)) : null;
        if (cancel is not null && ConfirmCancel is null)
        {
            Error = "Không tìm thấy thông báo, hoặc thông báo không còn hủy được.";
        }
    }

    public static bool Cancellable(BroadcastState state) =>
        state is BroadcastState.AwaitingApproval or BroadcastState.Scheduled or BroadcastState.Sending or BroadcastState.Paused;

    /// <summary>
    /// The state in words, with what staff must know: a «sent» announcement that web residents have not opened yet
    /// says how many; one held by the quiet hours says so and until when (issue 13 §6).
    /// </summary>
    public string StateText(Row row)
    {
        var state = row.Broadcast.State;
        if (state == BroadcastState.Completed && row.Progress.Pending > 0)
        {
            // Only pull channels (web chat) keep rows pending once an announcement is complete.
            return $"Đã gửi; {VietnameseFormat.Number(row.Progress.Pending)} người dùng web chưa xem";
        }

        if (state == BroadcastState.Sending && Quiet() is { } quiet && quiet.IsQuiet(time.GetUtcNow()))
        {
            var options = delivery.Value;
            return $"Đang gửi – tạm chờ vì đang trong giờ nghỉ đêm ({options.QuietHoursStart}–{options.QuietHoursEnd}), sẽ gửi tiếp lúc {Local(quiet.EndsAt(time.GetUtcNow()))}";
        }

        return StateLabel(state);
    }

    private QuietHours? Quiet()
    {
        var options = delivery.Value;
        return TimeOnly.TryParseExact(options.QuietHoursStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(options.QuietHoursEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? new QuietHours(start, end, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone))
            : null;
    }

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        ActAsync(id, [BroadcastState.AwaitingApproval, BroadcastState.Scheduled, BroadcastState.Sending, BroadcastState.Paused], BroadcastState.Cancelled,
            AuditActions.BroadcastCancelled, "Đã hủy thông báo.", ct);

    public Task<IActionResult> OnPostPauseAsync(long id, CancellationToken ct) =>
        ActAsync(id, [BroadcastState.Sending], BroadcastState.Paused, AuditActions.BroadcastPaused, "Đã tạm dừng thông báo.", ct);

    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken ct) =>
        ActAsync(id, [BroadcastState.Paused], BroadcastState.Sending, AuditActions.BroadcastResumed, "Đã tiếp tục gửi thông báo.", ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        var broadcast = await FindAsync(id, ct);
        if (broadcast is null || !MayApprove(broadcast))
        {
            Error = "Thông báo này cần một tài khoản toàn huyện khác với người soạn duyệt.";
            await LoadAsync(ct);
            return Page();
        }

        return await ActAsync(id, [BroadcastState.AwaitingApproval], BroadcastState.Scheduled, AuditActions.BroadcastApproved, "Đã duyệt thông báo.", ct);
    }

    private async Task<IActionResult> ActAsync(long id, BroadcastState[] from, BroadcastState to, string action, string done, CancellationToken ct)
    {
        var broadcast = await FindAsync(id, ct);
        if (broadcast is null)
        {
            // Not found, or another commune's: the same answer, so an officer cannot probe for others' announcements.
            Error = "Không tìm thấy thông báo.";
        }
        else if (!await store.MoveAsync(id, from, to, User.Who(), ct))
        {
            Error = "Thông báo đã chuyển sang trạng thái khác, bác xem lại danh sách.";
        }
        else
        {
            var segment = BroadcastStore.SegmentOf(broadcast);
            await audit.AppendAsync(new AuditEntry(User.Id(), User.Who(), action, "broadcast", id.ToString(CultureInfo.InvariantCulture),
                segment.Communes.Count == 1 ? segment.Communes[0] : null), ct);
            Done = done;
            signal.Wake(BroadcastScheduler.WakeKey);
            foreach (var adapter in adapters)
            {
                signal.Wake(adapter.Channel); // a resumed announcement goes on at once
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The announcement if this account may see it: district-wide accounts all, a commune officer only those for their commune alone.</summary>
    private async Task<BroadcastRecord?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var broadcast = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return broadcast is not null && Visible(BroadcastStore.SegmentOf(broadcast)) ? broadcast : null;
    }

    private bool Visible(Segment segment) => User.Commune() is not { } own || (segment.Communes.Count == 1 && segment.Communes[0] == own);

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Newest first; a commune officer's are filtered after reading (the segment is JSON), over a bounded window.
        var recent = await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.Id).Take(Shown * 20).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var broadcast in recent)
        {
            var segment = BroadcastStore.SegmentOf(broadcast);
            if (!Visible(segment))
            {
                continue;
            }

            rows.Add(new Row(broadcast, segment, (await store.ProgressAsync(broadcast.Id, ct))!, await store.RouteProgressAsync(broadcast.Id, ct)));
            if (rows.Count == Shown)
            {
                break;
            }
        }

        Rows = rows;
    }
}
