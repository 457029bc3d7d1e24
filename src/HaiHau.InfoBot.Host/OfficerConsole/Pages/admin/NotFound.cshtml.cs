using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>An unknown console address: a page that says so, with the way back, and a 404 status. It shows no data.</summary>
[AllowAnonymous]
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
