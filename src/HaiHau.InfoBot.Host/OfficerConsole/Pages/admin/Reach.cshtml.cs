using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage.Reach;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>CommunicationStaff and officers: the reach indicator per commune against the plan's target, with exports.</summary>
[Authorize(Policy = ConsoleRoles.ReportsPolicy)]
public sealed class ReachModel(ReachReport report, ReachPresenter presenter, IContentStore content, TimeProvider time) : PageModel
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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ReachDay.Vietnam).DateTime);
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (query, error) = ReachApi.Parse(From, To, Year, User.Commune());
        Error = error;
        if (query is not null)
        {
            Result = await report.RunAsync(query, content.Communes.Select(c => c.Code).ToList(), ct);
            Year = query.ListYear;
        }
    }
}
