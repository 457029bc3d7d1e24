using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;

namespace HaiHau.InfoBot.Content.Listings;

/// <summary>
/// The sample jobs and courses of content/samples (jobs.csv, courses.csv), read once and checked as an import would
/// be: what evaluations walk the listing prompts with when no register is open. Only rows valid on
/// <paramref name="today"/> count, as in the register.
/// </summary>
public sealed class SampleListings(string folder, IContentStore content, DateOnly today) : IListingSource
{
    private readonly Dictionary<ListingKind, IReadOnlyList<Listing>> _read = [];

    public IReadOnlyList<Listing> All(ListingKind kind)
    {
        if (!_read.TryGetValue(kind, out var listings))
        {
            var csv = Path.Combine(folder, kind == ListingKind.Job ? "jobs.csv" : "courses.csv");
            listings = File.Exists(csv) ? ListingImport.Check(kind, ListingFileReader.Read(csv), content, today).Valid : [];
            _read[kind] = listings;
        }

        return listings;
    }
}
