using System.Globalization;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>Admin: the append-only audit log, newest first, 50 a page.</summary>
[Authorize(Policy = ConsoleRoles.AdminPolicy)]
public sealed class AuditModel(AuditLog audit, HaiHau.InfoBot.Core.Content.IContentStore content, IDbContextFactory<InfoBotDbContext> factory) : PageModel
{
    public const int Size = 50;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRecord> Rows { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The last nightly retention runs (issue 19), newest first: what was purged when.</summary>
    public IReadOnlyList<(DateTimeOffset At, RetentionOutcome Outcome)> RetentionRuns { get; private set; } = [];

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss d/M/yyyy", CultureInfo.InvariantCulture);

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.AccountCreated => "Tạo tài khoản",
        AuditActions.HouseholdsImported => "Nhập danh sách hộ",
        AuditActions.ImportRefused => "Nhập danh sách hộ (bị từ chối)",
        AuditActions.ConversationLinked => "Liên kết người dân với hộ",
        AuditActions.ConversationUnlinked => "Bỏ liên kết",
        AuditActions.ReportExported => "Xuất báo cáo",
        AuditActions.AccountLocked => "Khóa tài khoản",
        AuditActions.AccountUnlocked => "Mở khóa tài khoản",
        AuditActions.PasswordReset => "Đặt lại mật khẩu",
        AuditActions.AccountDisabled => "Tắt tài khoản",
        AuditActions.AccountEnabled => "Bật lại tài khoản",
        AuditActions.ListingCreated => "Thêm tin",
        AuditActions.ListingUpdated => "Sửa tin",
        AuditActions.ListingExpired => "Cho tin hết hạn",
        AuditActions.ListingsImported => "Nhập tin việc làm, khóa học",
        AuditActions.CourseLeadsExported => "Xuất danh sách đăng ký học nghề",
        AuditActions.BroadcastCreated => "Soạn thông báo",
        AuditActions.BroadcastApproved => "Duyệt thông báo",
        AuditActions.BroadcastCancelled => "Hủy thông báo",
        AuditActions.BroadcastPaused => "Tạm dừng thông báo",
        AuditActions.BroadcastResumed => "Gửi tiếp thông báo",
        AuditActions.ReachRebuilt => "Tính lại nhật ký tiếp cận",
        AuditActions.RetentionApplied => "Xóa nội dung tin nhắn cũ (hết thời hạn lưu)",
        AuditActions.UnansweredExampleAdded => "Thêm cách hỏi vào chủ đề",
        AuditActions.UnansweredLinked => "Gắn câu hỏi với câu trả lời có sẵn",
        AuditActions.UnansweredMarked => "Đánh dấu cần viết câu hỏi thường gặp mới",
        AuditActions.UnansweredIgnored => "Bỏ qua câu hỏi chưa trả lời",
        AuditActions.ModelAnswerConfirmed => "Xác nhận câu trả lời trợ lý tự đoán là đúng",
        AuditActions.FaqDraftsExported => "Tải bản nháp câu hỏi thường gặp",
        AuditActions.ZnsTemplateAdded => "Thêm mẫu tin ZNS",
        AuditActions.ZnsTemplateMapped => "Gán tham số mẫu tin ZNS",
        AuditActions.ZnsTemplateRemoved => "Bỏ mẫu tin ZNS",
        _ => action,
    };

    /// <summary>What the action was on, in words: "household" → «Hộ», "broadcast" → «Thông báo» …</summary>
    public static string TargetLabel(string? kind, string? id)
    {
        var label = kind switch
        {
            null or "" => "",
            "household" => "Hộ",
            "import" => "Tệp nhập",
            "broadcast" => "Thông báo",
            "conversation" => "Người dân",
            "account" => "Tài khoản",
            "report" => "Báo cáo",
            "listing" or "job" => "Tin",
            "course" => "Khóa học",
            Unanswered.AuditTargets.StaffPhrasing => "Cách hỏi số",
            _ => kind,
        };
        return string.Join(' ', new[] { label, id }.Where(x => !string.IsNullOrEmpty(x)));
    }

    /// <summary>The note in words: an account's role is written as its code, and read as its label.</summary>
    public static string? DetailsLabel(string action, string? details) =>
        action == AuditActions.AccountCreated && details is not null ? ConsoleRoles.Label(details) : details;

    public string CommuneName(string? code) => code is null ? "" : content.FindCommune(code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await audit.PageAsync(PageNumber, Size, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        RetentionRuns = await RetentionPurge.LastRunsAsync(db, 7, ct);
    }
}
