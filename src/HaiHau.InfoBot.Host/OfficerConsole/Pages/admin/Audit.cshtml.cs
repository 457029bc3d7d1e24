using System.Globalization;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>Admin: the append-only audit log, newest first, 50 a page.</summary>
[Authorize(Policy = ConsoleRoles.AdminPolicy)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int Size = 50;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRecord> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm:ss d/M/yyyy", CultureInfo.InvariantCulture);

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.AccountCreated => "Tạo tài khoản",
        AuditActions.HouseholdsImported => "Nhập danh sách hộ",
        AuditActions.ImportRefused => "Nhập danh sách hộ (bị từ chối)",
        AuditActions.ConversationLinked => "Liên kết người dân với hộ",
        AuditActions.ConversationUnlinked => "Bỏ liên kết",
        AuditActions.ReportExported => "Xuất báo cáo",
        _ => action,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await audit.PageAsync(PageNumber, Size, ct);
    }
}
