using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage.Reach;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>CommunicationStaff and officers: the reach indicator per commune against the plan's target, with exports.</summary>
[Authorize(Policy = ConsoleRoles.ReportsPolicy)]
public sealed class ReachModel(ReachReport report, ReachRebuild rebuild, ReachPresenter presenter, IContentStore content, TimeProvider time) : PageModel
{
    public ReachPresenter Presenter => presenter;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ReachResult? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>When «report reach --rebuild» last recomputed the log from the stored events; null when never.</summary>
    public DateTimeOffset? LastRebuild { get; private set; }

    public string LastRebuildText => LastRebuild?.ToOffset(ReachDay.Vietnam) is { } at
        ? $"Nhật ký tiếp cận được tính lại từ dữ liệu đã lưu lần cuối lúc {at:H:mm} ngày {VietnameseFormat.Date(DateOnly.FromDateTime(at.DateTime))}."
        : "Nhật ký tiếp cận chưa lần nào được tính lại từ dữ liệu đã lưu (lệnh: report reach --rebuild).";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ReachDay.Vietnam).DateTime);
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (query, error) = ReachApi.Parse(From, To, Year, User.Commune());
        Error = error;
        LastRebuild = await rebuild.LastRunAsync(ct);
        if (query is not null)
        {
            Result = await report.RunAsync(query, content.Communes.Select(c => c.Code).ToList(), ct);
            Year = query.ListYear;
        }
    }
}
