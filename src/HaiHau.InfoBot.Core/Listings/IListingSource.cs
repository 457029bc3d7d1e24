namespace HaiHau.InfoBot.Core.Listings;

/// <summary>
/// The job and course listings the engine may show: a read-only, in-memory snapshot (the engine stays pure and
/// synchronous). Storage implements it and refreshes it after an import and at start.
/// </summary>
public interface IListingSource
{
    IReadOnlyList<Listing> All(ListingKind kind);
}

/// <summary>No listings: for hosts and tests that do not load any.</summary>
public sealed class NoListings : IListingSource
{
    public static readonly NoListings Instance = new();

    public IReadOnlyList<Listing> All(ListingKind kind) => [];
}
