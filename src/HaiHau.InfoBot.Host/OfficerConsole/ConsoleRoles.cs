using System.Security.Claims;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>The console's roles, the commune claim, and the authorization policies built from them.</summary>
public static class ConsoleRoles
{
    /// <summary>Accounts and settings; reads the audit log.</summary>
    public const string Admin = "Admin";

    /// <summary>Imports the household list, links residents; district-wide, or one commune when it has the commune claim.</summary>
    public const string Officer = "Officer";

    /// <summary>Statistics and exports, read-only.</summary>
    public const string CommunicationStaff = "CommunicationStaff";

    public static readonly IReadOnlyList<string> All = [Admin, Officer, CommunicationStaff];

    /// <summary>A commune code (content/communes.yaml): the account sees only that commune's data.</summary>
    public const string CommuneClaim = "infobot:commune";

    public const string AdminPolicy = "console-admin";
    public const string OfficerPolicy = "console-officer";
    public const string ReportsPolicy = "console-reports";
    public const string AnyRolePolicy = "console-any";

    /// <summary>Announcements: officers, and admins (district-wide), who may also approve one.</summary>
    public const string BroadcastsPolicy = "console-broadcasts";

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị",
        Officer => "Cán bộ",
        CommunicationStaff => "Cán bộ truyền thông",
        _ => role,
    };

    /// <summary>The commune the account is limited to, or null for district-wide.</summary>
    public static string? Commune(this ClaimsPrincipal user) => user.FindFirst(CommuneClaim)?.Value;

    /// <summary>The account's e-mail as the audit log writes it.</summary>
    public static string Who(this ClaimsPrincipal user) => user.Identity?.Name ?? "?";

    public static string Id(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";
}
