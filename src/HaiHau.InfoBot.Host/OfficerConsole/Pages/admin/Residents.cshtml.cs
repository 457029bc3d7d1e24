using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>Officer: assisted registration, linking a resident's registration («DK…») to a household of the list; audited.</summary>
[Authorize(Policy = ConsoleRoles.OfficerPolicy)]
public sealed class ResidentsModel(OfficerLinker linker) : PageModel
{
    [BindProperty]
    public string Registration { get; set; } = "";

    [BindProperty]
    public string Household { get; set; } = "";

    public OfficerLinkResult? Result { get; private set; }

    public string? Scope => User.Commune();

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Result = await linker.LinkAsync(Registration, Household, Scope, new AuditEntry(User.Id(), User.Who(), AuditActions.ConversationLinked), ct);
        if (Result.Linked)
        {
            (Registration, Household) = ("", "");
        }
    }
}
