using HaiHau.InfoBot.Core.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>The console's home: who is signed in, with which roles and which commune.</summary>
public sealed class IndexModel(IContentStore content) : PageModel
{
    public string CommuneName(string code) => content.FindCommune(code)?.Name ?? code;

    public void OnGet()
    {
    }
}
