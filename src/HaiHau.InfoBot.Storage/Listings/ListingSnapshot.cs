using HaiHau.InfoBot.Core.Listings;

namespace HaiHau.InfoBot.Storage.Listings;

/// <summary>
/// The listings the engine reads: an immutable in-memory copy, swapped whole on refresh (at start, after an
/// import in this process, and periodically for imports run by the command line beside a running bot).
/// </summary>
public sealed class ListingSnapshot(ListingStore store) : IListingSource
{
    private volatile IReadOnlyList<Listing> _jobs = [];
    private volatile IReadOnlyList<Listing> _courses = [];

    public IReadOnlyList<Listing> All(ListingKind kind) => kind == ListingKind.Job ? _jobs : _courses;

    public async Task RefreshAsync(CancellationToken ct)
    {
        _jobs = await store.LoadAsync(ListingKind.Job, ct);
        _courses = await store.LoadAsync(ListingKind.Course, ct);
    }
}
