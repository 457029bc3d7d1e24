using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Listings;

public enum ListingKind
{
    Job,
    Course,
}

/// <summary>
/// A job vacancy or a vocational course, as officers import it (content/samples/ shows the template). Texts are the
/// officers' own (pay "6–8 triệu đồng/tháng" is the employer's offer, not a policy fact). <see cref="Deadline"/> is
/// the last day to apply or register, a local (Vietnam) day; after it the listing is hidden.
/// </summary>
public sealed record Listing(
    ListingKind Kind,
    string Code,
    string Title,
    string Provider,
    string? CommuneCode,
    string? Place,
    string? PayOrSupport,
    DateOnly Deadline,
    DateOnly? StartsOn,
    string Contact,
    string Source,
    DateOnly PostedOn,
    string? Description)
{
    /// <summary>Everything a resident might search for, folded (no diacritics, lower case).</summary>
    public string SearchText { get; } = VietnameseText.Fold(string.Join(' ', Title, Provider, Place, CommuneCode?.Replace('-', ' '), PayOrSupport, Description));

    public bool IsOpenOn(DateOnly day) => Deadline >= day;

    public static string WireName(ListingKind kind) => kind == ListingKind.Job ? "jobs" : "courses";

    public static ListingKind? ParseKind(string? text) => text switch
    {
        "jobs" => ListingKind.Job,
        "courses" => ListingKind.Course,
        _ => null,
    };
}
