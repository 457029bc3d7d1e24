using System.Globalization;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Tests.Listings;

namespace HaiHau.InfoBot.Core.Tests.Nodes;

/// <summary>The <c>listings:</c> of a node case (an in-memory source) and how events are written in <c>events:</c>.</summary>
internal static class CaseListings
{
    public static IListingSource? Read(DataReader reader, DataMap testCase)
    {
        if (testCase.Get("listings") is null)
        {
            return null;
        }

        var all = reader.MapList(testCase, "listings", required: true).Select(m => new Listing(
            Listing.ParseKind(reader.RequiredString(m, "kind", "listing")) ?? ListingKind.Job,
            reader.RequiredString(m, "code", "listing"),
            reader.RequiredString(m, "title", "listing"),
            reader.OptionalString(m, "provider") ?? "Nơi tuyển",
            reader.OptionalString(m, "commune"),
            reader.OptionalString(m, "place"),
            reader.OptionalString(m, "pay"),
            DateOnly.Parse(reader.RequiredString(m, "deadline", "listing"), CultureInfo.InvariantCulture),
            null,
            reader.OptionalString(m, "contact") ?? "Cán bộ xã",
            reader.OptionalString(m, "source") ?? "Tin thử",
            DateOnly.Parse(reader.OptionalString(m, "posted") ?? "2022-09-01", CultureInfo.InvariantCulture),
            null)).ToList();
        return new MemoryListings([.. all]);
    }

    public static string Describe(TurnEvent e) =>
        $"{e.Kind}:{e.Subject}" + string.Concat((e.Data ?? new Dictionary<string, string>()).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $" {d.Key}={d.Value}"));
}
