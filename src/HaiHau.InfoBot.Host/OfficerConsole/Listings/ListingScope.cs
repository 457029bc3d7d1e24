using System.Security.Claims;
using HaiHau.InfoBot.Storage.Listings;

namespace HaiHau.InfoBot.Host.OfficerConsole.Listings;

/// <summary>
/// Which listings an account may see and change. District-wide accounts: all. A commune officer: their commune's
/// listings, and the district-wide ones they created themselves (another officer's district-wide listing is not theirs
/// to change). Checked on the server for every read and write, whatever the form sent.
/// </summary>
public static class ListingScope
{
    public static bool MayManage(ClaimsPrincipal user, ListingEntry entry) =>
        user.Commune() is not { } scope
        || string.Equals(entry.Listing.CommuneCode, scope, StringComparison.Ordinal)
        || (entry.Listing.CommuneCode is null && string.Equals(entry.CreatedById, user.Id(), StringComparison.Ordinal));

    /// <summary>Whether the account may put a listing in <paramref name="commune"/> (null: district-wide).</summary>
    public static bool MayPlace(ClaimsPrincipal user, string? commune) =>
        user.Commune() is not { } scope || commune is null || string.Equals(commune, scope, StringComparison.Ordinal);
}
