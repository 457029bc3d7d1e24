using HaiHau.InfoBot.Core.Listings;

namespace HaiHau.InfoBot.Core.Tests.Listings;

/// <summary>Listings in memory for the engine's tests (<see cref="Open"/>: one open until 2099 whose title is all that matters).</summary>
internal sealed class MemoryListings(params Listing[] listings) : IListingSource
{
    public IReadOnlyList<Listing> All(ListingKind kind) => [.. listings.Where(l => l.Kind == kind)];

    /// <summary>An open listing of <paramref name="kind"/> titled <paramref name="title"/>, posted 1 November 2026.</summary>
    public static Listing Open(ListingKind kind, string code, string title, string provider = "Nơi tuyển") =>
        new(kind, code, title, provider, null, null, null, new DateOnly(2099, 1, 1), null, "Cán bộ xã", "Tin thử", new DateOnly(2026, 11, 1), null);
}
