using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// Officer: assisted registration, linking a resident's registration («DK…») to a household of the list; audited. A
/// link that would replace an earlier one is shown for confirmation first. Below the form, the registrations of the
/// officer's commune still waiting for a link (consented to statistics, no household yet).
/// </summary>
[Authorize(Policy = ConsoleRoles.OfficerPolicy)]
public sealed class ResidentsModel(OfficerLinker linker, IDbContextFactory<InfoBotDbContext> factory, IContentStore content) : PageModel
{
    /// <summary>Waiting registrations listed at most (newest first); the total is always shown.</summary>
    public const int Shown = 200;

    public sealed record Waiting(string Code, string Commune, string Category, string Channel, string RegisteredOn);

    [BindProperty(SupportsGet = true)]
    public string Registration { get; set; } = "";

    [BindProperty]
    public string Household { get; set; } = "";

    public OfficerLinkResult? Result { get; private set; }

    public string? Scope => User.Commune();

    public IReadOnlyList<Waiting> WaitingRows { get; private set; } = [];

    public int WaitingTotal { get; private set; }

    public string CommuneName(string code) => content.FindCommune(code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => await LoadWaitingAsync(ct);

    public async Task OnPostAsync(bool replace, CancellationToken ct)
    {
        Result = await linker.LinkAsync(Registration, Household, Scope, new AuditEntry(User.Id(), User.Who(), AuditActions.ConversationLinked), replace, ct);
        if (Result.Linked)
        {
            (Registration, Household) = ("", "");
        }

        await LoadWaitingAsync(ct);
    }

    private async Task LoadWaitingAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var profiles = await db.ResidentProfiles.AsNoTracking()
            .Where(p => p.HouseholdId == null && p.ConsentStatistics)
            .OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.CommuneCode, p.DeclaredCategory, p.Channel, p.CreatedAt })
            .ToListAsync(ct);
        // A former unit's code counts for today's commune, so the scope is applied after resolving it.
        var mine = profiles
            .Select(p => (Profile: p, Commune: p.CommuneCode is null ? null : content.FindCommune(p.CommuneCode)))
            .Where(x => Scope is null || x.Commune?.Code == Scope)
            .ToList();
        WaitingTotal = mine.Count;
        WaitingRows = mine.Take(Shown).Select(x => new Waiting(
            "DK" + x.Profile.Id.ToString(CultureInfo.InvariantCulture),
            x.Commune?.Name ?? "Chưa cho biết",
            DeclaredCategories.Label(x.Profile.DeclaredCategory),
            ConsoleLabels.Channel(x.Profile.Channel),
            VietnameseFormat.Date(DateOnly.FromDateTime(x.Profile.CreatedAt.ToOffset(TimeSpan.FromHours(7)).DateTime)))).ToList();
    }
}
